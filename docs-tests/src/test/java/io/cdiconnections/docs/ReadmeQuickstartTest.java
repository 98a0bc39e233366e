package io.cdiconnections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import io.cdiconnections.docs.MarkdownBlocks.Block;

/**
 * The README's Quickstart, as a person follows it: a new project assembled from the README's own
 * text (the {@code pom.xml}, the {@code secrets.toml}, every Java file) and built with Maven, the
 * library's artifacts taken from this build as step 1's {@code ./mvnw install} would leave them.
 * Edit the README so that its project no longer builds and this test fails.
 *
 * <p>It leaves the WAR and what the server test needs in {@code target/quickstart/}
 * ({@code quickstart.properties}): {@code QuickstartIT} in tck/ deploys that WAR to each real
 * server, creates the README's table and calls the README's {@code curl} URL.
 */
class ReadmeQuickstartTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile("(?m)^public\\s+(?:final\\s+)?(?:class|record|interface)\\s+(\\w+)");
    private static final Pattern CURL = Pattern.compile("curl\\s+'?(http://[^'\\s]+)'?");

    @Test
    void theQuickstartProjectBuildsFromTheReadmesOwnText() throws Exception {
        Path root = Repository.root();
        List<Block> quickstart = MarkdownBlocks.of(root.resolve("README.md")).stream()
                .filter(b -> b.section().startsWith("Quickstart"))
                .toList();
        assertThat(quickstart).as("code blocks of the README's Quickstart section").isNotEmpty();

        Path dir = Path.of(Repository.property("docs.quickstartDir"));
        deleteTree(dir);
        Path project = dir.resolve("project");

        Block pom = only(quickstart, "xml");
        assertThat(pom.text()).as("the Quickstart's pom.xml (%s) is a whole project", pom.where())
                .contains("<project", "<packaging>war</packaging>", "jakarta.jakartaee-api");
        write(project.resolve("pom.xml"), pom.text());
        write(project.resolve("src/main/resources/.streamlit/secrets.toml"), only(quickstart, "toml").text());
        List<String> classes = new ArrayList<>();
        for (Block java : blocks(quickstart, "java")) {
            String pkg = group(PACKAGE, java, "a package line");
            String type = group(TYPE, java, "a public top-level type");
            write(project.resolve("src/main/java").resolve(pkg.replace('.', '/')).resolve(type + ".java"), java.text());
            classes.add(pkg.replace('.', '/') + "/" + type + ".class");
        }
        assertThat(classes).as("Java files of the Quickstart").hasSizeGreaterThanOrEqualTo(2);

        Path repository = dir.resolve("repository");
        installThisBuild(root, repository);
        build(project, repository, dir.resolve("build.log"));

        Path war;
        try (Stream<Path> wars = Files.list(project.resolve("target"))) {
            List<Path> found = wars.filter(p -> p.toString().endsWith(".war")).toList();
            assertThat(found).as("WARs the Quickstart's build made").hasSize(1);
            war = found.get(0);
        }
        String version = Repository.version();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            assertThat(zip.getEntry("WEB-INF/classes/.streamlit/secrets.toml")).as("secrets.toml in the WAR").isNotNull();
            assertThat(zip.getEntry("WEB-INF/lib/cdi-connections-" + version + ".jar")).isNotNull();
            assertThat(zip.getEntry("WEB-INF/lib/cdi-connections-config-source-" + version + ".jar")).isNotNull();
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/postgresql-")))
                    .as("the JDBC driver").hasSize(1);
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.contains("jakartaee-api")))
                    .as("the provided Jakarta EE API stays out").isEmpty();
            for (String c : classes) {
                assertThat(zip.getEntry("WEB-INF/classes/" + c)).as(c).isNotNull();
            }
        }

        // what the server test needs: the WAR, the README's table, the URL it calls and its answer
        Matcher curl = CURL.matcher(blocks(quickstart, "sh").stream().map(Block::text)
                .filter(t -> t.contains("curl")).findFirst().orElseThrow(() -> new AssertionError(
                        "the Quickstart has no curl line to call the application")));
        assertThat(curl.find()).isTrue();
        java.net.URI uri = java.net.URI.create(curl.group(1));
        String warName = war.getFileName().toString().replaceFirst("\\.war$", "");
        assertThat(uri.getPath()).as("the curl URL's context root is the WAR's name").startsWith("/" + warName + "/");
        Properties p = new Properties();
        p.setProperty("war", war.toString());
        p.setProperty("path", uri.getRawPath().substring(warName.length() + 2)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        p.setProperty("sql", only(quickstart, "sql").text());
        p.setProperty("json", only(quickstart, "json").text().strip());
        try (OutputStream out = Files.newOutputStream(dir.resolve("quickstart.properties"))) {
            p.store(out, "written by ReadmeQuickstartTest from README.md, read by QuickstartIT");
        }
    }

    /** Copies this build's parent, BOM, config-source and extension into a local repository's layout. */
    private static void installThisBuild(Path root, Path repository) throws IOException {
        String version = Repository.version();
        Path base = repository.resolve("io/cdiconnections");
        copy(root.resolve("pom.xml"), base, "cdi-connections-parent", version, "pom");
        copy(root.resolve("bom/pom.xml"), base, "cdi-connections-bom", version, "pom");
        for (String[] module : new String[][] {{"config-source", "cdi-connections-config-source"},
                {"extension", "cdi-connections"}}) {
            Path jar = root.resolve(module[0]).resolve("target").resolve(module[1] + "-" + version + ".jar");
            assertThat(jar).as("this build's %s jar (the reactor packages it before this module)", module[0])
                    .isRegularFile();
            copy(root.resolve(module[0]).resolve("pom.xml"), base, module[1], version, "pom");
            copy(jar, base, module[1], version, "jar");
        }
    }

    private static void copy(Path from, Path base, String artifact, String version, String extension)
            throws IOException {
        Path to = base.resolve(artifact).resolve(version).resolve(artifact + "-" + version + "." + extension);
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * {@code mvn -B package} on the project, with this build's artifacts in a repository of its
     * own and everything else read from the user's repository behind it.
     */
    private static void build(Path project, Path repository, Path log) throws Exception {
        String mvn = Path.of(Repository.property("docs.mavenHome"), "bin", "mvn").toString();
        List<String> command = List.of(mvn, "-B", "-e", "package",
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + Repository.property("docs.userRepository"));
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn package of the Quickstart did not end in 10 minutes; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("mvn package of the README's Quickstart (%s):%n%s", command,
                output.length() > 20_000 ? output.substring(output.length() - 20_000) : output).isZero();
    }

    private static List<Block> blocks(List<Block> blocks, String language) {
        return blocks.stream().filter(b -> b.language().equals(language)).toList();
    }

    private static Block only(List<Block> blocks, String language) {
        List<Block> found = blocks(blocks, language);
        assertThat(found).as("```%s blocks in the README's Quickstart", language).hasSize(1);
        return found.get(0);
    }

    private static String group(Pattern pattern, Block block, String what) {
        Matcher m = pattern.matcher(block.text());
        if (!m.find()) {
            throw new AssertionError(block.where() + ": a Java block of the Quickstart without " + what
                    + ": a person copying it would not know where the file goes");
        }
        return m.group(1);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
