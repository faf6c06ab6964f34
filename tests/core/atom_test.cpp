// Atoms: one stored copy per distinct text, whichever thread interns it,
// and they read like the strings they stand for.
#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "backend/core/atom.hpp"

namespace vd {
namespace {

TEST(Atom, EqualTextsShareOneStoredCopy) {
    const std::string arn = "arn:aws:backup:us-east-1:123456789012:backup-vault:payments-prod-vault";
    Atom a(arn);
    Atom b{std::string_view(arn)};
    Atom c{std::string(arn)};
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_EQ(&a.str(), &c.str());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, Atom("arn:aws:backup:us-east-1:123456789012:backup-vault:other"));
    const size_t before = Atom::stored();
    for (int i = 0; i < 1000; ++i) Atom again(arn);
    EXPECT_EQ(Atom::stored(), before);
    EXPECT_TRUE(Atom().empty());
    EXPECT_EQ(Atom(""), Atom());
}

TEST(Atom, ReadsLikeAString) {
    Atom vault("payments-prod-vault");
    EXPECT_EQ(vault, "payments-prod-vault");
    EXPECT_EQ(vault, std::string("payments-prod-vault"));
    EXPECT_EQ(vault.size(), 19u);
    EXPECT_TRUE(vault.starts_with("payments"));
    EXPECT_EQ(vault.substr(0, 8), "payments");
    EXPECT_EQ(vault.rfind('-'), 13u);
    EXPECT_EQ("vault " + vault, "vault payments-prod-vault");
    EXPECT_EQ(vault + "!", "payments-prod-vault!");
    EXPECT_EQ(fmt::format("[{:>20}]", vault), "[ payments-prod-vault]");
    EXPECT_LT(Atom("a-vault"), Atom("b-vault"));
    EXPECT_LT(Atom("a-vault"), std::string("b"));
    std::set<Atom> sorted{Atom("c"), Atom("a"), Atom("b")};
    EXPECT_EQ(sorted.begin()->str(), "a");
    const std::string& as_string = vault;
    EXPECT_EQ(as_string, "payments-prod-vault");
}

TEST(Atom, ThreadsInterningTheSameTextsGetTheSamePointers) {
    constexpr int kTexts = 2000;
    std::vector<std::vector<const std::string*>> seen(4, std::vector<const std::string*>(kTexts));
    std::vector<std::thread> threads;
    for (size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kTexts; ++i) seen[t][i] = &Atom("atom-thread-test-" + std::to_string(i)).str();
        });
    for (auto& th : threads) th.join();
    for (size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]);
    EXPECT_EQ(*seen[0][1234], "atom-thread-test-1234");
}

}  // namespace
}  // namespace vd
