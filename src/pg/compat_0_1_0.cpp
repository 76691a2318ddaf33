// C entry points under their 0.1.0 names. holdings--0.1.0.sql (released, never
// edited) binds its functions to these symbols, so a database still on 0.1.0, and
// the upgrade test that installs 0.1.0 first, keep working with this library.
// Each forwards to the entry point named by the convention (holdings_<SQL name>).
// Remove only when 0.1.0 is no longer a supported starting point.
#include "glue.hpp"

#include <cstring>

#define HOLDINGS_OLD_NAME(old_name, current) \
    extern "C" Datum current(PG_FUNCTION_ARGS); \
    extern "C" { \
    PG_FUNCTION_INFO_V1(old_name); \
    Datum old_name(PG_FUNCTION_ARGS) { return current(fcinfo); } \
    }

HOLDINGS_OLD_NAME(fx_decompose_final, holdings_fx_decompose_final)
HOLDINGS_OLD_NAME(fx_levels_accum, holdings_fx_levels_accum)
HOLDINGS_OLD_NAME(fx_levels_combine, holdings_fx_levels_combine)
HOLDINGS_OLD_NAME(fx_levels_deserialize, holdings_fx_levels_deserialize)
HOLDINGS_OLD_NAME(fx_levels_serialize, holdings_fx_levels_serialize)
HOLDINGS_OLD_NAME(fx_net_selling_final, holdings_fx_net_selling_final)
HOLDINGS_OLD_NAME(holding_abs, holdings_abs)
HOLDINGS_OLD_NAME(holding_add, holdings_holding_add)
HOLDINGS_OLD_NAME(holding_amount, holdings_amount)
HOLDINGS_OLD_NAME(holding_avg_accum, holdings_holding_avg_accum)
HOLDINGS_OLD_NAME(holding_avg_combine, holdings_holding_avg_combine)
HOLDINGS_OLD_NAME(holding_avg_deserialize, holdings_holding_avg_deserialize)
HOLDINGS_OLD_NAME(holding_avg_final, holdings_holding_avg_final)
HOLDINGS_OLD_NAME(holding_avg_serialize, holdings_holding_avg_serialize)
HOLDINGS_OLD_NAME(holding_cmp, holdings_holding_cmp)
HOLDINGS_OLD_NAME(holding_currencies, holdings_holding_currencies)
HOLDINGS_OLD_NAME(holding_currency, holdings_currency)
HOLDINGS_OLD_NAME(holding_div_holding, holdings_holding_div_holding)
HOLDINGS_OLD_NAME(holding_div_numeric, holdings_holding_div_numeric)
HOLDINGS_OLD_NAME(holding_eq, holdings_holding_eq)
HOLDINGS_OLD_NAME(holding_from_numeric, holdings_holding)
HOLDINGS_OLD_NAME(holding_ge, holdings_holding_ge)
HOLDINGS_OLD_NAME(holding_gt, holdings_holding_gt)
HOLDINGS_OLD_NAME(holding_hash, holdings_holding_hash)
HOLDINGS_OLD_NAME(holding_hash_extended, holdings_holding_hash_extended)
HOLDINGS_OLD_NAME(holding_in, holdings_holding_in)
HOLDINGS_OLD_NAME(holding_larger, holdings_holding_larger)
HOLDINGS_OLD_NAME(holding_le, holdings_holding_le)
HOLDINGS_OLD_NAME(holding_lt, holdings_holding_lt)
HOLDINGS_OLD_NAME(holding_mul_numeric, holdings_holding_mul_numeric)
HOLDINGS_OLD_NAME(holding_ne, holdings_holding_ne)
HOLDINGS_OLD_NAME(holding_neg, holdings_holding_neg)
HOLDINGS_OLD_NAME(holding_out, holdings_holding_out)
HOLDINGS_OLD_NAME(holding_recv, holdings_holding_recv)
HOLDINGS_OLD_NAME(holding_round, holdings_round)
HOLDINGS_OLD_NAME(holding_round_digits, holdings_round_digits)
HOLDINGS_OLD_NAME(holding_send, holdings_holding_send)
HOLDINGS_OLD_NAME(holding_smaller, holdings_holding_smaller)
HOLDINGS_OLD_NAME(holding_sortsupport, holdings_holding_sortsupport)
HOLDINGS_OLD_NAME(holding_sub, holdings_holding_sub)
HOLDINGS_OLD_NAME(holding_sum_accum, holdings_holding_sum_accum)
HOLDINGS_OLD_NAME(holding_sum_retract, holdings_holding_sum_retract)
HOLDINGS_OLD_NAME(net_selling_accum, holdings_net_selling_accum)
HOLDINGS_OLD_NAME(net_selling_combine, holdings_net_selling_combine)
HOLDINGS_OLD_NAME(net_selling_deserialize, holdings_net_selling_deserialize)
HOLDINGS_OLD_NAME(net_selling_final, holdings_net_selling_final)
HOLDINGS_OLD_NAME(net_selling_serialize, holdings_net_selling_serialize)
HOLDINGS_OLD_NAME(numeric_mul_holding, holdings_numeric_mul_holding)

// The trigger function of 0.1.0 (holdings--0.1.0.sql binds fx_rate_changed to
// it): sends a relcache invalidation. Since 0.2.0 the trigger is plpgsql (it
// moves fx_rate_version on); a 0.1.0 database has no version table and its
// cached sets are valid for one snapshot only, so this is only a hint. It acts
// only when fired on fx_rate of its own schema (42501 otherwise): attached to
// another table it would let any role send invalidations at will.
extern "C" {
PG_FUNCTION_INFO_V1(holdings_fx_rate_changed);
Datum holdings_fx_rate_changed(PG_FUNCTION_ARGS) {
    if (!CALLED_AS_TRIGGER(fcinfo)) elog(ERROR, "holdings_fx_rate_changed: not called as a trigger");
    auto* trigger = reinterpret_cast<TriggerData*>(fcinfo->context);
    Relation rel = trigger->tg_relation;
    if (RelationGetNamespace(rel) != get_func_namespace(fcinfo->flinfo->fn_oid) ||
        strcmp(RelationGetRelationName(rel), "fx_rate") != 0)
        ereport(ERROR, (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                        errmsg("fx_rate_changed() acts only on the extension's fx_rate table, not on \"%s\"",
                               RelationGetRelationName(rel))));
    CacheInvalidateRelcache(rel);
    return PointerGetDatum(nullptr);
}
}
