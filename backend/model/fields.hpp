// Each model type lists its fields once, right after its definition:
//
//     VD_FIELDS(Vault, origin, name, arn, ...)
//
// which defines visit_fields(value, visit), calling visit("name", value.name)
// for every field in order. The disk cache (backend/poll/cache_codec.cpp)
// reads and writes through it, so a field missing from the list is a field
// the cache forgets: add new fields to the list.
#pragma once

#define VD_FIELDS_PARENS ()
#define VD_FIELDS_EXPAND(...) VD_FIELDS_EXPAND3(VD_FIELDS_EXPAND3(VD_FIELDS_EXPAND3(VD_FIELDS_EXPAND3(__VA_ARGS__))))
#define VD_FIELDS_EXPAND3(...) VD_FIELDS_EXPAND2(VD_FIELDS_EXPAND2(VD_FIELDS_EXPAND2(VD_FIELDS_EXPAND2(__VA_ARGS__))))
#define VD_FIELDS_EXPAND2(...) VD_FIELDS_EXPAND1(VD_FIELDS_EXPAND1(VD_FIELDS_EXPAND1(VD_FIELDS_EXPAND1(__VA_ARGS__))))
#define VD_FIELDS_EXPAND1(...) __VA_ARGS__
#define VD_FIELDS_FOR_EACH(macro, ...) __VA_OPT__(VD_FIELDS_EXPAND(VD_FIELDS_FOR_EACH_STEP(macro, __VA_ARGS__)))
#define VD_FIELDS_FOR_EACH_STEP(macro, first, ...) \
    macro(first) __VA_OPT__(VD_FIELDS_FOR_EACH_AGAIN VD_FIELDS_PARENS(macro, __VA_ARGS__))
#define VD_FIELDS_FOR_EACH_AGAIN() VD_FIELDS_FOR_EACH_STEP
#define VD_FIELDS_VISIT(field) visit(#field, value.field);

#define VD_FIELDS(Type, ...)                                                            \
    template <class Visit>                                                              \
    void visit_fields(const Type& value, Visit&& visit) {                               \
        VD_FIELDS_FOR_EACH(VD_FIELDS_VISIT, __VA_ARGS__)                                \
    }                                                                                   \
    template <class Visit>                                                              \
    void visit_fields(Type& value, Visit&& visit) {                                     \
        VD_FIELDS_FOR_EACH(VD_FIELDS_VISIT, __VA_ARGS__)                                \
    }
