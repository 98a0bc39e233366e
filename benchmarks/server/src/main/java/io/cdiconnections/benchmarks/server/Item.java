package io.cdiconnections.benchmarks.server;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of the benchmark's table, as an application maps it.
 *
 * @param id      the key
 * @param owner   whose it is (the query's parameter)
 * @param name    its name
 * @param price   its price
 * @param created when it was made
 */
public record Item(int id, String owner, String name, BigDecimal price, LocalDateTime created) {
}
