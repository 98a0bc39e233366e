package io.cdiconnections.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Parses the durations users write: ISO-8601 ({@code PT10M}) or seconds ({@code 600}, {@code 1.5}). */
public final class Durations {

    private Durations() {
    }

    /**
     * @param text the text, such as {@code PT10M}, {@code pt10m}, {@code 600} or {@code 0.5}
     * @return the duration, or empty when the text is not a duration or is negative
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Duration d;
        if (Character.isDigit(t.charAt(0))) {
            try {
                BigDecimal seconds = new BigDecimal(t);
                d = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return d.isNegative() ? Optional.empty() : Optional.of(d);
    }
}
