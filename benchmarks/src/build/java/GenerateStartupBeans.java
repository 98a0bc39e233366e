import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code io/cdiconnections/benchmarks/StartupBeans.java}: the 50 bean classes of the startup
 * benchmark (row 7), once with 4 {@code @Connection} injection points each (200 in all, over 20
 * connections) and once without.
 *
 * <p>Run by the build (exec-maven-plugin, phase generate-sources) as a single-file program, so that it
 * needs nothing but the JDK that runs Maven: {@code java GenerateStartupBeans.java <source folder>}.
 * The file is written only when its text changed, so that an unchanged build compiles nothing again.
 */
public final class GenerateStartupBeans {

    private static final int BEANS = 50;
    private static final int POINTS = 4;
    private static final int CONNECTIONS = 20;

    private GenerateStartupBeans() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java GenerateStartupBeans.java <generated source folder>");
            System.exit(2);
        }
        Path file = Path.of(args[0], "io", "cdiconnections", "benchmarks", "StartupBeans.java");
        String text = source();
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String source() {
        StringBuilder out = new StringBuilder();
        line(out, "// Generated at build time by benchmarks/src/build/java/GenerateStartupBeans.java; edit that, not this.");
        line(out, "package io.cdiconnections.benchmarks;");
        line(out, "");
        line(out, "import jakarta.enterprise.context.ApplicationScoped;");
        line(out, "import jakarta.inject.Inject;");
        line(out, "");
        line(out, "import io.cdiconnections.Connection;");
        line(out, "import io.cdiconnections.sql.SQLConnection;");
        line(out, "");
        line(out, "/** The beans of {@link StartupBenchmark}: {@link With} has " + BEANS * POINTS
                + " {@code @Connection} injection points, {@link Without} none. */");
        line(out, "public final class StartupBeans {");
        line(out, "");
        line(out, "    private StartupBeans() {");
        line(out, "    }");
        for (String kind : new String[] {"With", "Without"}) {
            boolean with = kind.equals("With");
            line(out, "");
            line(out, "    /** The beans " + kind.toLowerCase(java.util.Locale.ROOT) + " connections. */");
            line(out, "    public static final class " + kind + " {");
            line(out, "        private " + kind + "() {");
            line(out, "        }");
            line(out, "");
            line(out, "        /** All " + BEANS + " bean classes. */");
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < BEANS; i++) {
                names.append(i == 0 ? "" : ", ").append('B').append(i).append(".class");
            }
            line(out, "        public static final Class<?>[] CLASSES = {" + names + "};");
            for (int i = 0; i < BEANS; i++) {
                line(out, "");
                String what = with ? "its " + POINTS + " connections injected" : POINTS + " plain fields";
                line(out, "        /** Bean " + i + " of " + BEANS + ", " + what + ". */");
                line(out, "        @ApplicationScoped");
                line(out, "        public static class B" + i + " {");
                for (int j = 0; j < POINTS; j++) {
                    int c = (i * POINTS + j) % CONNECTIONS;
                    if (with) {
                        line(out, "            @Inject @Connection(name = \"startup" + c
                                + "\", options = \"url=jdbc:h2:mem:startup" + c + "\") SQLConnection c" + j + ";");
                    } else {
                        line(out, "            SQLConnection c" + j + ";");
                    }
                }
                line(out, "");
                line(out, "            /** Called by the container. */");
                line(out, "            public B" + i + "() {");
                line(out, "            }");
                line(out, "");
                line(out, "            /** @return the bean's number: a call that makes the container create the bean */");
                line(out, "            public int work() { return " + i + "; }");
                line(out, "        }");
            }
            line(out, "    }");
        }
        line(out, "}");
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append('\n');
    }
}
