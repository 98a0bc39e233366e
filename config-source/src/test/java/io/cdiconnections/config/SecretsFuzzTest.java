package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.config.SecretsLocation.Kind;

/**
 * Hostile secrets files through the loader a deployment uses: every invalid toml-test case,
 * seeded random mutations of the valid ones, nesting 10,000 levels deep and a 50 MB file. Each
 * ends in values or a {@link SecretsException}, never in another throwable (no StackOverflowError,
 * no OutOfMemoryError), never in a hang, and no error quotes a value. Nothing here is timed: the
 * parse times are printed, and their bounds are measured by the benchmarks module; a case still
 * parsing after {@link #HANG_SECONDS} is a hang.
 */
class SecretsFuzzTest {

    /** Fixed, so that a failure is reproduced by running the test again. */
    private static final long SEED = 20_261_126L;
    private static final int MUTATIONS = 10_000;
    /** A case still parsing after this long is a hang (an infinite loop), not a slow parse. */
    private static final long HANG_SECONDS = 60;
    private static final Path SUITE = TestData.folder("toml-test/tests");
    /** Bytes that steer a TOML parser into its corners. */
    private static final byte[] TOKENS = "[]{}=\"'\\\n\r\t,.#:+-_ 0xe1Tz\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private static ExecutorService parser;

    @TempDir
    Path tmp;

    private long worstNanos;
    private String worstCase = "";

    @BeforeAll
    static void startParserThread() {
        // a thread of its own so that a hang fails the test instead of stopping the build
        parser = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-parser");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopParserThread() {
        parser.shutdownNow();
    }

    @Test
    void everyInvalidSuiteCaseIsOurError() throws Exception {
        int cases = 0;
        for (String file : suiteCases("invalid/")) {
            Outcome o = load(file, Files.readAllBytes(SUITE.resolve(file)));
            assertThat(o.error()).as(file).isNotNull();
            cases++;
        }
        report("invalid toml-test 1.1.0 cases", cases);
        assertThat(cases).isGreaterThan(400);
    }

    @Test
    void seededMutationsOfTheValidCasesEndInValuesOrOurError() throws Exception {
        List<String> valid = suiteCases("valid/");
        Random random = new Random(SEED);
        int errors = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String file = valid.get(i % valid.size());
            byte[] original = Files.readAllBytes(SUITE.resolve(file));
            byte[] mutated = mutate(original, random);
            Outcome o = load(file + " mutation " + i, mutated);
            if (o.error() != null) {
                errors++;
                assertNoValueOf(original, o.error(), file + " mutation " + i);
            }
        }
        report("mutations (seed " + SEED + ", " + errors + " rejected)", MUTATIONS);
        assertThat(errors).as("mutations that broke the file").isGreaterThan(MUTATIONS / 4);
    }

    @Test
    void aBareCarriageReturnIsOurErrorAtItsPositionNotTomljsNullPointerException() throws Exception {
        // the mutation that found it: tomlj 2.2.0 throws a NullPointerException on this input
        String doc = "t = {#comment\n\tk = 1,#\rcomment\n}\n";
        Outcome o = load("bare CR", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(o.error()).isNotNull();
        assertThat(o.error().getMessage()).contains("at line 2, column 9: A carriage return must be followed by a "
                + "line feed.");
        assertThat(load("CRLF", "a = 1\r\nb = 2\r\n".getBytes(StandardCharsets.UTF_8)).values())
                .containsEntry("b", "2");
    }

    @Test
    void nestingTenThousandLevelsDeepIsOurErrorNamingTheLine() throws Exception {
        int n = 10_000;
        Map<String, String> deep = Map.of(
                "arrays", "a = " + "[".repeat(n) + "]".repeat(n) + "\n",
                "unclosed arrays", "a = " + "[".repeat(n) + "\n",
                "inline tables", "a = " + "{ b = ".repeat(n) + "1" + " }".repeat(n) + "\n",
                "arrays of inline tables", "a = " + "[{ b = ".repeat(n) + "1" + " }]".repeat(n) + "\n",
                "dotted keys", "a" + ".b".repeat(n) + " = 1\n",
                "table header", "x = 1\n[a" + ".b".repeat(n) + "]\nc = 1\n",
                "array of tables header", "x = 1\n[[a" + ".b".repeat(n) + "]]\nc = 1\n");
        for (Map.Entry<String, String> doc : deep.entrySet()) {
            Outcome o = load(doc.getKey(), doc.getValue().getBytes(StandardCharsets.UTF_8));
            assertThat(o.error()).as(doc.getKey()).isNotNull();
            assertThat(o.error().getMessage()).as(doc.getKey())
                    .contains("Nesting is too deep (more than 128 levels of tables and arrays)")
                    .contains("at line " + o.error().line() + ",");
        }
        report("documents nested 10,000 deep", deep.size());
        String limit = "a = " + "[".repeat(127) + "]".repeat(127) + "\n";
        assertThat(load("127 levels", limit.getBytes(StandardCharsets.UTF_8)).values()).containsKey("a");
    }

    @Test
    void aFileOverTheLimitIsRefusedUnreadAndAFullMebibyteIsRead() throws Exception {
        // 8 GiB, sparse: a loader that read it before checking its size would fail with an
        // OutOfMemoryError or an array-size error, not with the size message asserted here
        Path huge = tmp.resolve("huge.toml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("[connections.c]\nurl = \"postgresql://u:p@h:5432/db\"\n".getBytes(StandardCharsets.UTF_8));
            file.setLength(8L << 30);
        }
        Throwable thrown = parser.submit(() -> tryLoad(huge)).get(HANG_SECONDS, TimeUnit.SECONDS).error();
        assertThat(thrown).isInstanceOf(SecretsException.class)
                .hasMessage("Secrets file " + huge + " is too large: " + Files.size(huge) + " bytes, and secrets "
                        + "files are limited to 1048576 bytes (1 MiB, the size limit of a Kubernetes Secret). Keep "
                        + "only secrets and connection settings in it; put data elsewhere.");

        // the worst file under the limit: dense tables, the most parse tree per byte
        StringBuilder dense = new StringBuilder();
        for (int i = 0; dense.length() < SecretsLoader.MAX_FILE_BYTES - 100; i++) {
            dense.append("[c").append(i).append("]\nport = ").append(i).append('\n');
        }
        Outcome full = load("1 MiB of tables", dense.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(full.values().size()).isGreaterThan(45_000);
        System.out.printf("fuzz: %d-byte file of tables read in %d ms%n", dense.length(), full.nanos() / 1_000_000);
    }

    @Test
    void aKeyOfAMillionBracketsIsReadWithoutAPrefixPerBracket() throws Exception {
        // every [ outside quotes was a boundary, each made a prefix of the key: 15 minutes for this file
        String key = "[".repeat(SecretsLoader.MAX_FILE_BYTES - 100);
        Outcome o = load("a key of brackets", ("\"" + key + "\" = 1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(o.values()).containsEntry(key, "1");
    }

    @Test
    void twoMebibyteFilesOfTheSameKeysMergeWithoutComparingEveryKeyToEveryKey() throws Exception {
        // the later file's keys replace the earlier's: compared pairwise, 10.5 s for 40,000 keys, growing with the square
        StringBuilder many = new StringBuilder();
        for (int i = 0; many.length() < SecretsLoader.MAX_FILE_BYTES - 100; i++) {
            many.append('k').append(i).append(" = ").append(i).append('\n');
        }
        Path file = Secrets.write(tmp.resolve("many.toml"), many.toString().getBytes(StandardCharsets.UTF_8));
        SecretsLocation twice = SecretsLocation.of(Kind.EXPLICIT, file);
        Snapshot merged = parser.submit(() -> new SecretsLoader(List.of(twice, twice)).load())
                .get(HANG_SECONDS, TimeUnit.SECONDS);
        assertThat(merged.values()).hasSizeGreaterThan(70_000).containsEntry("k0", "0").containsEntry("k12345", "12345");
    }

    // ------------------------------------------------------------------ helpers

    private record Outcome(Map<String, String> values, SecretsException error, long nanos) {
    }

    /** Cases of TOML 1.1, the version the loader reads (1.0's invalid cases include valid 1.1). */
    private static List<String> suiteCases(String prefix) throws IOException {
        Set<String> cases = new LinkedHashSet<>();
        for (String list : List.of("files-toml-1.1.0")) {
            for (String file : Files.readAllLines(SUITE.resolve(list))) {
                if (file.startsWith(prefix) && file.endsWith(".toml")) {
                    cases.add(file);
                }
            }
        }
        return new ArrayList<>(cases);
    }

    /**
     * Loads the bytes as a secrets file on the parser thread.
     *
     * @throws AssertionError for a throwable other than SecretsException or a hang
     */
    private Outcome load(String name, byte[] bytes) throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), bytes);
        long start = System.nanoTime();
        Future<Outcome> outcome = parser.submit(() -> tryLoad(file));
        Outcome o;
        try {
            o = outcome.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + " still parsing after " + HANG_SECONDS + " s: a hang", e);
        }
        long nanos = System.nanoTime() - start;
        if (nanos > worstNanos) {
            worstNanos = nanos;
            worstCase = name;
        }
        return new Outcome(o.values(), o.error(), nanos);
    }

    /** Runs the loader; a throwable other than ours is returned as a failure of the test. */
    private static Outcome tryLoad(Path file) {
        try {
            Snapshot s = new SecretsLoader(List.of(SecretsLocation.of(Kind.EXPLICIT, file))).load();
            return new Outcome(s.values(), null, 0);
        } catch (SecretsException e) {
            assertThat(e.getMessage()).contains(file.toString());
            return new Outcome(null, e, 0);
        } catch (Throwable t) {
            throw new AssertionError("not a SecretsException: " + t.getClass().getName(), t);
        }
    }

    /** One to four byte-level edits: delete, insert a token, duplicate, swap, truncate, flip. */
    static byte[] mutate(byte[] input, Random random) {
        List<Byte> b = new ArrayList<>(input.length + 16);
        for (byte x : input) {
            b.add(x);
        }
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.size());
            switch (random.nextInt(6)) {
                case 0 -> b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(8))).clear();
                case 1 -> b.add(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> b.addAll(at, new ArrayList<>(b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(16)))));
                case 3 -> {
                    if (!b.isEmpty()) {
                        int other = random.nextInt(b.size());
                        Byte tmp = b.get(at);
                        b.set(at, b.get(other));
                        b.set(other, tmp);
                    }
                }
                case 4 -> b.subList(at, b.size()).clear();
                default -> {
                    if (!b.isEmpty()) {
                        b.set(at, (byte) random.nextInt(256));
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /**
     * No string of the original document longer than five characters that is not also a key, or
     * a word our messages use anyway, appears in the error.
     */
    private static void assertNoValueOf(byte[] original, SecretsException error, String name) {
        String text = new String(original, StandardCharsets.UTF_8);
        String message = Secrets.fullText(error).replace(error.file(), "<file>");
        for (String value : quoted(text)) {
            if (value.length() > 5 && !message.isEmpty() && message.contains(value)
                    && !text.contains(value + " =") && !text.contains(value + "=") && !BOILERPLATE.contains(value)) {
                throw new AssertionError(name + ": the error quotes the value [" + value + "]: " + message);
            }
        }
    }

    /** Words of our messages and of tomlj's grammar, which a value may happen to contain. */
    private static final String BOILERPLATE = Messages.invalidToml("<file>", 1, 1, "", 2)
            + Messages.notUtf8("<file>", 1, 1) + "Unexpected end of input, expected a value, a newline, a key, "
            + "a table key, a date/time, a character, a comma; the inline table opened at is unclosed "
            + "Leading zeros are not allowed Empty table key A trailing comma is not allowed in an inline table "
            + "Newlines are not allowed in an inline table Seconds are required in a time TOML versions before "
            + "Invalid TOML syntax is defined twice (first defined at is not a table and cannot hold keys "
            + "is not an array of tables is an inline table and cannot be extended valid range Nesting is too "
            + "deep (more than 128 levels of tables and arrays) at io.cdiconnections.config java.base";

    /** The contents of every quoted string of a TOML text, roughly: enough to catch a quoted value. */
    private static Set<String> quoted(String text) {
        Set<String> values = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"\\n]*)\"|'([^'\\n]*)'").matcher(text);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }

    private void report(String what, int count) {
        System.out.printf("fuzz: %d %s, slowest %d ms (%s)%n", count, what, worstNanos / 1_000_000, worstCase);
    }
}
