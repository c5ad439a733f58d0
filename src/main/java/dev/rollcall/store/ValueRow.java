package dev.rollcall.store;

import java.math.BigDecimal;

/** One indexed attribute value of an account or group (see account_value / group_value). */
public record ValueRow(String attr, int idx, String val, BigDecimal num) {
}
