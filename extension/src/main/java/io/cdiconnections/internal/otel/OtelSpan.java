package io.cdiconnections.internal.otel;

import io.cdiconnections.internal.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One operation in flight: its span, current on this thread until it ends, and the duration
 * recorded on a histogram (when it has one) with the operation's attributes, plus
 * {@code error.type} when it failed. A failure sets the span's status to ERROR with the redacted
 * message only: the exception itself is never recorded (its message or a cause's may quote a
 * value). A span of rows ({@link #ofRows}) is not made current (a stream is closed on any
 * thread) and records the rows on an attribute of its own.
 */
final class OtelSpan implements Telemetry.Span {

    private final Span span;
    private final Scope scope;
    private final long startNanos = System.nanoTime();
    private final DoubleHistogram duration;
    private final Attributes attributes;
    /** Told at the end when the operation succeeded, or failed; null: nothing to tell. */
    private final Runnable onSuccess;
    private final Runnable onFailure;
    /** Where {@link #rows(long)} goes; null: nowhere. */
    private final AttributeKey<Long> rowsKey;
    private String errorType;

    OtelSpan(Span span, DoubleHistogram duration, Attributes attributes) {
        this(span, duration, attributes, null, null);
    }

    OtelSpan(Span span, DoubleHistogram duration, Attributes attributes, Runnable onSuccess, Runnable onFailure) {
        this(span, true, duration, attributes, onSuccess, onFailure, null);
    }

    private OtelSpan(Span span, boolean current, DoubleHistogram duration, Attributes attributes, Runnable onSuccess,
            Runnable onFailure, AttributeKey<Long> rowsKey) {
        this.span = span;
        this.scope = current ? span.makeCurrent() : null;
        this.duration = duration;
        this.attributes = attributes;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.rowsKey = rowsKey;
    }

    /**
     * @param span     the span of an operation on rows
     * @param current  whether it is current on this thread until it ends (false for a stream)
     * @param duration where its duration goes, or null
     * @param attributes the attributes of the duration
     * @param rowsKey  the attribute that {@link #rows(long)} sets
     * @return the span
     */
    static OtelSpan ofRows(Span span, boolean current, DoubleHistogram duration, Attributes attributes,
            AttributeKey<Long> rowsKey) {
        return new OtelSpan(span, current, duration, attributes, null, null, rowsKey);
    }

    @Override
    public void rows(long rows) {
        if (rowsKey != null) {
            span.setAttribute(rowsKey, rows);
        }
    }

    @Override
    public void fail(String redactedMessage, Throwable error) {
        errorType = error == null ? "_OTHER" : error.getClass().getName();
        span.setStatus(StatusCode.ERROR, redactedMessage == null ? "" : redactedMessage);
        span.setAttribute(Keys.ERROR_TYPE, errorType);
    }

    @Override
    public void end() {
        Runnable tell = errorType == null ? onSuccess : onFailure;
        if (tell != null) {
            tell.run();
        }
        if (scope != null) {
            scope.close();
        }
        span.end();
        if (duration != null) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            duration.record(seconds, errorType == null ? attributes
                    : attributes.toBuilder().put(Keys.ERROR_TYPE, errorType).build());
        }
    }
}
