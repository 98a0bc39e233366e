package io.cdiconnections.sample;

/**
 * Totals over the whole inventory.
 *
 * @param items how many lines
 * @param units how many pieces in all
 */
public record Summary(long items, long units) {
}
