package io.cdiconnections.it.telemetry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;

/** Reads OTLP messages as the tests need them: attributes as strings, a metric's latest point. */
final class Otlp {

    private Otlp() {
    }

    /**
     * @param attributes a span's or a point's attributes
     * @return them as {@code key -> value}, every value written as text
     */
    static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()), (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            default -> value.toString();
        };
    }

    /**
     * The newest point of a sum or gauge whose attributes include {@code match}.
     *
     * @param metrics every metric export received, oldest first
     * @param name the metric's name
     * @param match attributes the point must have
     * @return the point, or empty when none was exported
     */
    static Optional<NumberDataPoint> latestNumber(List<Metric> metrics, String name, Map<String, String> match) {
        for (int i = metrics.size() - 1; i >= 0; i--) {
            Metric m = metrics.get(i);
            if (!m.getName().equals(name)) {
                continue;
            }
            List<NumberDataPoint> points = m.hasSum() ? m.getSum().getDataPointsList() : m.getGauge().getDataPointsList();
            Optional<NumberDataPoint> point = points.stream()
                    .filter(p -> attributes(p.getAttributesList()).entrySet().containsAll(match.entrySet()))
                    .findFirst();
            if (point.isPresent()) {
                return point;
            }
        }
        return Optional.empty();
    }

    /**
     * How many values a histogram recorded for the points whose attributes include {@code match}:
     * the newest point when the exporter sends cumulative totals, the sum of all when it sends deltas.
     *
     * @param metrics every metric export received, oldest first
     * @param name the histogram's name
     * @param match attributes the points must have
     * @return the count, 0 when none was exported
     */
    static long histogramCount(List<Metric> metrics, String name, Map<String, String> match) {
        long total = 0;
        for (int i = metrics.size() - 1; i >= 0; i--) {
            Metric m = metrics.get(i);
            if (!m.getName().equals(name) || !m.hasHistogram()) {
                continue;
            }
            long count = m.getHistogram().getDataPointsList().stream()
                    .filter(p -> attributes(p.getAttributesList()).entrySet().containsAll(match.entrySet()))
                    .mapToLong(HistogramDataPoint::getCount).sum();
            if (m.getHistogram().getAggregationTemporality() != AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
                return count;
            }
            total += count;
        }
        return total;
    }

    /**
     * The attributes of the newest histogram point whose attributes include {@code match}.
     *
     * @param metrics every metric export received, oldest first
     * @param name the histogram's name
     * @param match attributes the point must have
     * @return the point's attributes, or empty
     */
    static Optional<Map<String, String>> histogramAttributes(List<Metric> metrics, String name, Map<String, String> match) {
        for (int i = metrics.size() - 1; i >= 0; i--) {
            Metric m = metrics.get(i);
            if (m.getName().equals(name) && m.hasHistogram()) {
                Optional<Map<String, String>> found = m.getHistogram().getDataPointsList().stream()
                        .map(p -> attributes(p.getAttributesList()))
                        .filter(a -> a.entrySet().containsAll(match.entrySet()))
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param point a sum's or gauge's point
     * @return its value as a long (an integer point's, or a double point's rounded)
     */
    static long value(NumberDataPoint point) {
        return point.hasAsInt() ? point.getAsInt() : Math.round(point.getAsDouble());
    }
}
