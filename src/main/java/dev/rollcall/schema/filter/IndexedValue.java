package dev.rollcall.schema.filter;

import java.math.BigDecimal;

/**
 * One row of a resource's filter index.
 *
 * @param attr the lower-case index key ({@code ResolvedAttribute.indexKey()})
 * @param idx  the element position within a multi-valued attribute, else 0
 * @param val  the normalised value ({@link ValueNormalizer})
 * @param num  the numeric value of integer and decimal attributes, else null
 */
public record IndexedValue(String attr, int idx, String val, BigDecimal num) {
}
