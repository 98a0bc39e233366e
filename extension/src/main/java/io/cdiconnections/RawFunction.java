package io.cdiconnections;

/**
 * Work done with the raw instance of a connection, through {@link BaseConnection#use(RawFunction)}.
 *
 * @param <R> the raw instance's type
 * @param <T> the result's type
 * @param <E> the checked exception the work may throw
 */
@FunctionalInterface
public interface RawFunction<R, T, E extends Exception> {

    /**
     * @param raw the raw instance, valid for the duration of this call
     * @return the result
     * @throws E when the work fails
     */
    T apply(R raw) throws E;
}
