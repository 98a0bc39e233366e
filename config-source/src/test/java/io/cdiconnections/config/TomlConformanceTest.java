package io.cdiconnections.config;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_LOCAL_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tomlj.TomlVersion;

/**
 * Runs the toml-test suite (src/test/resources/toml-test/tests, the case lists {@code files-toml-1.0.0} and
 * {@code files-toml-1.1.0}) through the parser and flattener the config source uses: every valid
 * document gives exactly the keys and values its {@code .json} file describes, flattened as
 * docs/config-source.md says; every invalid one is rejected with a line number.
 */
class TomlConformanceTest {

    /** Cases we cannot pass, each with the reason. Keep it short. */
    private static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static final Path SUITE = TestData.folder("toml-test/tests");

    @Test
    void everyTomlOneZeroCaseIsReadAsTheSuiteExpects() throws IOException {
        conform("files-toml-1.0.0", TomlVersion.V1_0_0);
    }

    @Test
    void everyTomlOneOneCaseIsReadAsTheSuiteExpects() throws IOException {
        conform("files-toml-1.1.0", TomlVersion.V1_1_0);
    }

    private void conform(String list, TomlVersion version) throws IOException {
        TomlParser parser = new TomlParser(version);
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int validPassed = 0;
        int invalid = 0;
        int invalidPassed = 0;
        for (String file : Files.readAllLines(SUITE.resolve(list))) {
            if (!file.endsWith(".toml") || KNOWN_FAILURES.containsKey(file)) {
                continue;
            }
            Optional<String> failure;
            if (file.startsWith("valid/")) {
                valid++;
                failure = checkValid(parser, file);
                validPassed += failure.isEmpty() ? 1 : 0;
            } else {
                invalid++;
                failure = checkInvalid(parser, file);
                invalidPassed += failure.isEmpty() ? 1 : 0;
            }
            failure.ifPresent(failures::add);
        }
        System.out.printf("toml-test %s: valid %d/%d, invalid %d/%d, known failures %d%n",
                list, validPassed, valid, invalidPassed, invalid, KNOWN_FAILURES.size());
        assertThat(valid).as("valid cases in %s", list).isGreaterThan(200);
        assertThat(invalid).as("invalid cases in %s", list).isGreaterThan(400);
        assertThat(failures).as("toml-test %s: valid %d/%d, invalid %d/%d", list,
                validPassed, valid, invalidPassed, invalid).isEmpty();
    }

    private Optional<String> checkValid(TomlParser parser, String file) throws IOException {
        Map<String, String> actual;
        try {
            actual = TomlFlattener.flatten(parser.parse(Files.readAllBytes(SUITE.resolve(file)), file), file).values();
        } catch (SecretsException e) {
            return Optional.of(file + " rejected: " + e.getMessage());
        }
        String json = Files.readString(SUITE.resolve(file.replaceAll("\\.toml$", ".json")), StandardCharsets.UTF_8);
        Map<String, Expected> expected = new LinkedHashMap<>();
        Expected.flatten(null, Json.parse(json), expected);
        if (!expected.keySet().equals(actual.keySet())) {
            return Optional.of(file + " keys " + actual.keySet() + ", expected " + expected.keySet());
        }
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            String value = actual.get(entry.getKey());
            if (!entry.getValue().matches(value)) {
                return Optional.of(file + " " + entry.getKey() + " = [" + value + "], expected " + entry.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkInvalid(TomlParser parser, String file) throws IOException {
        try {
            TomlFlattener.flatten(parser.parse(Files.readAllBytes(SUITE.resolve(file)), file), file);
            return Optional.of(file + " accepted");
        } catch (SecretsException e) {
            boolean clear = e.line() > 0 && e.getMessage().contains("line " + e.line()) && e.getMessage().contains(file);
            return clear ? Optional.empty() : Optional.of(file + " unclear error: " + e.getMessage());
        }
    }

    /**
     * What the flattened value of a JSON-described TOML value must be: the one place where
     * toml-test's typed values meet our string forms.
     *
     * @param type  toml-test's type ({@code string}, {@code integer}, …), or {@code list}
     * @param value toml-test's text of the value, or our list form for {@code list}
     */
    private record Expected(String type, String value) {

        static void flatten(String key, Object json, Map<String, Expected> out) {
            if (json instanceof Map<?, ?> map && isTyped(map)) {
                out.put(key, new Expected((String) map.get("type"), (String) map.get("value")));
            } else if (json instanceof Map<?, ?> map) {
                map.forEach((k, v) -> flatten(child(key, (String) k), v, out));
            } else if (json instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    flatten(key + "[" + i + "]", list.get(i), out);
                }
                listForm(list).ifPresent(form -> out.put(key, new Expected("list", form)));
            }
        }

        private static boolean isTyped(Map<?, ?> map) {
            return map.size() == 2 && map.get("type") instanceof String && map.get("value") instanceof String;
        }

        /** A segment with a dot, or an empty one, is quoted as SmallRye Config reads it. */
        private static String child(String parent, String segment) {
            String s = segment.isEmpty() || segment.contains(".") ? "\"" + segment + "\"" : segment;
            return parent == null ? s : parent + "." + s;
        }

        /** Elements joined by commas, backslash and comma escaped; none when a table is inside. */
        private static Optional<String> listForm(List<?> list) {
            List<String> elements = new ArrayList<>();
            for (Object element : list) {
                Optional<String> text = element instanceof List<?> nested ? listForm(nested)
                        : element instanceof Map<?, ?> map && isTyped(map)
                        ? Optional.of(canonical((String) map.get("type"), (String) map.get("value")))
                        : Optional.empty();
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                elements.add(text.get().replace("\\", "\\\\").replace(",", "\\,"));
            }
            return Optional.of(String.join(",", elements));
        }

        /** Our documented string form of a toml-test value. */
        private static String canonical(String type, String value) {
            return switch (type) {
                case "integer" -> new BigInteger(value).toString();
                case "float" -> value.endsWith("nan") ? "NaN" : value.equals("-inf") ? "-Infinity"
                        : value.endsWith("inf") ? "Infinity" : Double.toString(Double.parseDouble(value));
                case "datetime" -> ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(value.replace(' ', 'T')));
                case "datetime-local" -> ISO_LOCAL_DATE_TIME.format(LocalDateTime.parse(value.replace(' ', 'T')));
                case "date-local" -> ISO_LOCAL_DATE.format(LocalDate.parse(value));
                case "time-local" -> ISO_LOCAL_TIME.format(LocalTime.parse(value));
                default -> value;
            };
        }

        boolean matches(String actual) {
            if (actual == null) {
                return false;
            }
            // integers and dates compare as our documented canonical text, not just by value
            return type.equals("list") ? value.equals(actual) : canonical(type, value).equals(actual);
        }

        @Override
        public String toString() {
            return type + " [" + value + "]";
        }
    }
}
