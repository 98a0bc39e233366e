package io.cdiconnections.sample;

/**
 * One line of the inventory.
 *
 * @param id       the database id
 * @param name     what it is
 * @param quantity how many are in stock
 */
public record Item(long id, String name, int quantity) {
}
