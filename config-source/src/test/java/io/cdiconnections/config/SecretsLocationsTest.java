package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.cdiconnections.config.SecretsLocation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsLocationsTest {

    @TempDir
    Path tmp;

    private UnaryOperator<String> properties(String secretsFiles) {
        Map<String, String> props = new HashMap<>(Map.of(
                "user.home", tmp.resolve("home").toString(), "user.dir", tmp.resolve("work").toString()));
        if (secretsFiles != null) {
            props.put("secrets.files", secretsFiles);
        }
        return props::get;
    }

    @Test
    void classPathThenHomeThenWorkingDirectoryThenSecretsFilesInOrder() throws Exception {
        Secrets.write(tmp.resolve("classes/.streamlit/secrets.toml"), "a = 1");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.resolve("classes").toUri().toURL()}, null)) {
            List<SecretsLocation> locations = SecretsLocations.discover(loader, properties("/etc/one.toml, two"), name -> null);
            assertThat(locations).extracting(SecretsLocation::kind)
                    .containsExactly(Kind.CLASSPATH, Kind.DEFAULT, Kind.DEFAULT, Kind.EXPLICIT, Kind.EXPLICIT);
            assertThat(locations).extracting(SecretsLocation::path).containsExactly(
                    tmp.resolve("classes/.streamlit/secrets.toml"),
                    tmp.resolve("home/.streamlit/secrets.toml"),
                    tmp.resolve("work/.streamlit/secrets.toml"),
                    Path.of("/etc/one.toml"),
                    tmp.resolve("work/two"));
        }
    }

    @Test
    void withoutAClassPathResourceOnlyTheDefaultFilesAreSearched() {
        List<SecretsLocation> locations = SecretsLocations.discover(null, properties(null), name -> null);
        assertThat(locations).extracting(SecretsLocation::kind).containsExactly(Kind.DEFAULT, Kind.DEFAULT);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentVariable() {
        Map<String, String> env = Map.of("SECRETS_FILES", "/from/env.toml");
        assertThat(SecretsLocations.discover(null, properties("/from/property.toml"), env::get))
                .extracting(SecretsLocation::path).last().isEqualTo(Path.of("/from/property.toml"));
        assertThat(SecretsLocations.discover(null, properties(null), env::get))
                .extracting(SecretsLocation::path).last().isEqualTo(Path.of("/from/env.toml"));
    }

    @Test
    void entriesAreTrimmedEmptyOnesSkippedAndTildeIsTheHomeFolder() {
        List<SecretsLocation> locations = SecretsLocations.discover(null, properties(" ~/a.toml ,, ~ ,"), name -> null);
        assertThat(locations.subList(2, locations.size())).extracting(SecretsLocation::path)
                .containsExactly(tmp.resolve("home/a.toml"), tmp.resolve("home"));
    }
}
