package io.cdiconnections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Rules of the repository itself that a newcomer's first build depends on. */
class RepositoryRulesTest {

    private static final Pattern NAME = Pattern.compile("<name>([^<]+)</name>");
    /** The folder beside our own checkouts, spelled in parts so that this file does not name it whole. */
    private static final String BESIDE = "sha" + "red";
    private static final Pattern SHARED = Pattern.compile(
            "\\.\\./" + BESIDE + "|\"" + BESIDE + "/|" + BESIDE + "/(toml-test|reference)");

    @Test
    void everyModuleHasItsOwnName() throws IOException {
        Map<String, List<Path>> byName = new HashMap<>();
        for (Path pom : poms()) {
            String text = Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", "");
            Matcher m = NAME.matcher(text);
            assertThat(m.find()).as("%s has a <name>", pom).isTrue();
            String name = m.group(1);
            byName.computeIfAbsent(name.strip(), n -> new ArrayList<>()).add(pom);
        }
        assertThat(byName).as("modules by <name>").isNotEmpty();
        byName.forEach((name, poms) -> assertThat(poms).as("modules named '%s'", name).hasSize(1));
    }

    @Test
    void nothingInTheBuildReadsAFolderBesideTheCheckout() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Repository.root();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(RepositoryRulesTest::isBuildInput).toList()) {
                if (SHARED.matcher(Files.readString(f)).find()) {
                    found.add(root.relativize(f).toString());
                }
            }
        }
        assertThat(found).as("build inputs that read shared/, which a clone does not have: copy the data in").isEmpty();
    }

    private static boolean isBuildInput(Path f) {
        String s = f.toString();
        if (s.contains("/target/") || s.contains("/.git/")) {
            return false;
        }
        return s.endsWith(".java") || s.endsWith("pom.xml") || s.endsWith(".properties") || s.endsWith("/.ci/run");
    }

    private static List<Path> poms() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.root())) {
            return files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .sorted().toList();
        }
    }
}
