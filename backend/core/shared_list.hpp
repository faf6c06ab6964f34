// A list that snapshots share instead of copying: copying one costs a
// reference count, whatever its length, and a writer gets a private copy
// only while someone else still holds the list (copy on write).
//
// Readers see a const std::vector. The poller's working copy is the only
// writer, under its lock; a published snapshot only ever reads, so the
// list one snapshot holds never changes under it.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace vd {

template <class T>
class SharedList {
public:
    using value_type = T;
    using const_iterator = typename std::vector<T>::const_iterator;
    using iterator = const_iterator;

    SharedList() = default;
    SharedList(std::vector<T> items)  // NOLINT: a list is its items
        : items_(items.empty() ? nullptr : std::make_shared<std::vector<T>>(std::move(items))) {}
    SharedList(std::initializer_list<T> items) : SharedList(std::vector<T>(items)) {}

    const std::vector<T>& get() const { return items_ ? *items_ : empty_list(); }
    operator const std::vector<T>&() const { return get(); }  // NOLINT: read as the vector it is

    const_iterator begin() const { return get().begin(); }
    const_iterator end() const { return get().end(); }
    size_t size() const { return items_ ? items_->size() : 0; }
    bool empty() const { return size() == 0; }
    const T& operator[](size_t i) const { return (*items_)[i]; }
    const T& front() const { return items_->front(); }
    const T& back() const { return items_->back(); }

    // The items to change: this list's own, copied first if shared.
    std::vector<T>& edit() {
        if (!items_) items_ = std::make_shared<std::vector<T>>();
        else if (items_.use_count() > 1) items_ = std::make_shared<std::vector<T>>(*items_);
        return *items_;
    }
    void push_back(T item) { edit().push_back(std::move(item)); }
    template <class... Args>
    T& emplace_back(Args&&... args) { return edit().emplace_back(std::forward<Args>(args)...); }
    void clear() { items_.reset(); }

    // Equal for the very same items only (not merely equal ones); holding it
    // keeps them alive, so that no other list can take their address.
    std::shared_ptr<const void> identity() const { return items_; }

private:
    static const std::vector<T>& empty_list() {
        static const std::vector<T> none;
        return none;
    }
    std::shared_ptr<std::vector<T>> items_;
};

}  // namespace vd
