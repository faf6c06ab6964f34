#include "backend/aws/credentials_cache.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>

namespace vd::aws {

namespace {

// Caches the wrapped provider's credentials until shortly before they expire.
class CachedProvider final : public CredentialsProvider {
public:
    CachedProvider(std::shared_ptr<CredentialsProvider> inner, CacheOptions options)
        : inner_(std::move(inner)), refresh_before_(options.refresh_before),
          clock_(options.clock ? std::move(options.clock) : system_clock()) {}

    Result<Credentials> credentials() override {
        std::unique_lock<std::mutex> lock(mu_);
        while (true) {
            TimePoint now = clock_->now();
            if (cached_ && fresh(*cached_, now)) return *cached_;
            if (!refreshing_) break;
            // Another caller is refreshing: keep using what still works, else wait for its answer.
            if (cached_ && usable(*cached_, now)) return *cached_;
            uint64_t seen = generation_;
            cv_.wait(lock, [&] { return generation_ != seen; });
            if (cached_ && usable(*cached_, clock_->now())) return *cached_;
            if (last_error_) return *last_error_;
        }
        refreshing_ = true;
        lock.unlock();
        Result<Credentials> fetched = fetch();
        lock.lock();
        refreshing_ = false;
        ++generation_;
        if (fetched.ok()) {
            cached_ = fetched.value();
            last_error_.reset();
        } else {
            last_error_ = fetched.error();
        }
        cv_.notify_all();
        if (!fetched.ok() && cached_ && usable(*cached_, clock_->now())) return *cached_;
        return fetched;
    }

    std::string name() const override { return inner_->name(); }

private:
    // Calls the wrapped provider; an escaping exception becomes an error so the refresh flag is always cleared.
    Result<Credentials> fetch() {
        try {
            return inner_->credentials();
        } catch (const std::exception& e) {
            return make_error(ErrorKind::Internal, std::string("credentials provider failed: ") + e.what());
        }
    }

    // Good for use without refreshing first.
    bool fresh(const Credentials& c, TimePoint now) const {
        return !c.expiration || now + refresh_before_ < *c.expiration;
    }
    // Not yet expired.
    static bool usable(const Credentials& c, TimePoint now) { return !c.expiration || now < *c.expiration; }

    std::shared_ptr<CredentialsProvider> inner_;
    std::chrono::seconds refresh_before_;
    std::shared_ptr<const Clock> clock_;

    std::mutex mu_;
    std::condition_variable cv_;
    std::optional<Credentials> cached_;
    std::optional<Error> last_error_;
    bool refreshing_ = false;
    uint64_t generation_ = 0;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_cached_provider(std::shared_ptr<CredentialsProvider> inner, CacheOptions options) {
    return std::make_shared<CachedProvider>(std::move(inner), std::move(options));
}

}  // namespace vd::aws
