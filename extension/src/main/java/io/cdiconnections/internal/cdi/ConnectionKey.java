package io.cdiconnections.internal.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * The binding qualifier the extension puts in place of {@code @Connection} on each injection
 * point: one canonical string of every member (name, type, ttl, maxEntries, sorted options) and
 * the injection point's Java type, so that each distinct request has its own synthetic bean.
 * Internal: applications write {@code @Connection}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface ConnectionKey {

    /** @return the canonical key */
    String value();

    /** An instance of the qualifier. */
    final class Literal extends AnnotationLiteral<ConnectionKey> implements ConnectionKey {
        private static final long serialVersionUID = 1L;
        /** The canonical key. */
        private final String value;

        /** @param value the canonical key */
        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
