package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

import io.smallrye.config.common.utils.StringUtil;
import org.junit.jupiter.api.Test;

class TomlFlattenerTest {

    private static Map<String, String> flatten(String toml) {
        return TomlFlattener.flatten(new TomlParser().parse(toml.getBytes(StandardCharsets.UTF_8), "test.toml"), "test.toml").values();
    }

    @Test
    void tablesBecomeDottedKeysAndGetNoValueOfTheirOwn() {
        Map<String, String> values = flatten("""
                [connections.sql]
                dialect = "postgresql"
                host = "localhost"
                """);
        assertThat(values).containsExactly(entry("connections.sql.dialect", "postgresql"),
                entry("connections.sql.host", "localhost"));
    }

    @Test
    void rootKeysAreExposedAsTheyAre() {
        assertThat(flatten("api_key = \"k\"\nconfig_ordinal = 300")).containsOnly(
                entry("api_key", "k"), entry("config_ordinal", "300"));
    }

    @Test
    void aKeySegmentHoldingADotIsQuoted() {
        assertThat(flatten("[connections.\"my.db\"]\nhost = \"h\"\n\"\" = \"empty\""))
                .containsOnly(entry("connections.\"my.db\".host", "h"), entry("connections.\"my.db\".\"\"", "empty"));
    }

    @Test
    void inlineTablesAndDottedKeysFlattenLikeTables() {
        assertThat(flatten("[connections.tidb]\ncreate_engine_kwargs = { connect_args = { ssl = { ca = \"ca.pem\" }}}\n"
                + "query.charset = \"utf8\""))
                .containsOnly(entry("connections.tidb.create_engine_kwargs.connect_args.ssl.ca", "ca.pem"),
                        entry("connections.tidb.query.charset", "utf8"));
    }

    @Test
    void anArrayIsAListWithEscapedCommasAndIndexedKeys() {
        Map<String, String> values = flatten("hosts = [\"a\", \"b,c\", 'd\\e']");
        assertThat(values).containsOnly(entry("hosts", "a,b\\,c,d\\\\e"),
                entry("hosts[0]", "a"), entry("hosts[1]", "b,c"), entry("hosts[2]", "d\\e"));
        assertThat(StringUtil.split(values.get("hosts"))).containsExactly("a", "b,c", "d\\e");
    }

    @Test
    void nestedArraysNestTheirListsAndIndexes() {
        Map<String, String> values = flatten("a = [[1, 2], [\"x\"]]");
        assertThat(values).containsOnly(entry("a", "1\\,2,x"), entry("a[0]", "1,2"), entry("a[0][0]", "1"),
                entry("a[0][1]", "2"), entry("a[1]", "x"), entry("a[1][0]", "x"));
    }

    @Test
    void arraysOfTablesBecomeIndexedTablesWithoutAListValue() {
        Map<String, String> values = flatten("[[servers]]\nhost = \"a\"\n[[servers]]\nhost = \"b\"\nport = 2");
        assertThat(values).containsOnly(entry("servers[0].host", "a"), entry("servers[1].host", "b"),
                entry("servers[1].port", "2"));
    }

    @Test
    void anEmptyArrayIsAnEmptyValueAndAnEmptyTableNothing() {
        assertThat(flatten("a = []\nb = {}\n[c]")).containsOnly(entry("a", ""));
    }

    @Test
    void integersInEveryBaseBecomeDecimal() {
        assertThat(flatten("h = 0xff\no = 0o17\nb = 0b101\nu = 1_000\np = +7\nn = -9223372036854775808"))
                .containsOnly(entry("h", "255"), entry("o", "15"), entry("b", "5"), entry("u", "1000"),
                        entry("p", "7"), entry("n", "-9223372036854775808"));
    }

    @Test
    void floatsTakeTheFormJavaParsesBack() {
        Map<String, String> values = flatten("a = 3.14\nb = 1e3\nc = 6.626e-34\nd = inf\ne = -inf\nf = nan\ng = -0.0");
        assertThat(values).containsOnly(entry("a", "3.14"), entry("b", "1000.0"), entry("c", "6.626E-34"),
                entry("d", "Infinity"), entry("e", "-Infinity"), entry("f", "NaN"), entry("g", "-0.0"));
        values.values().forEach(v -> assertThat(Double.valueOf(v)).isNotNull());
    }

    @Test
    void booleansAndStringsAreTheirText() {
        assertThat(flatten("t = true\nf = false\nm = \"\"\"\nline 1\nline 2\"\"\"\nl = 'C:\\dir'"))
                .containsOnly(entry("t", "true"), entry("f", "false"), entry("m", "line 1\nline 2"),
                        entry("l", "C:\\dir"));
    }

    @Test
    void datesAndTimesTakeTheIsoFormWithSeconds() {
        Map<String, String> values = flatten("""
                odt = 1979-05-27 07:32:00-07:00
                utc = 1979-05-27t07:32:00.5z
                ldt = 1979-05-27T07:32:00
                ld = 1979-05-27
                lt = 00:32:00.999
                """);
        assertThat(values).containsOnly(entry("odt", "1979-05-27T07:32:00-07:00"),
                entry("utc", "1979-05-27T07:32:00.5Z"), entry("ldt", "1979-05-27T07:32:00"),
                entry("ld", "1979-05-27"), entry("lt", "00:32:00.999"));
        assertThat(OffsetDateTime.parse(values.get("odt")).getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        assertThat(LocalTime.parse(values.get("lt")).getNano()).isEqualTo(999_000_000);
    }

    @Test
    void tomlOneOneIsAccepted() {
        Map<String, String> values = flatten("""
                creds = {
                    user = "u",   # comments and newlines inside inline tables
                    escape = "\\x41\\e",
                }
                at = 07:32
                ldt = 1979-05-27T07:32
                """);
        assertThat(values).containsOnly(entry("creds.user", "u"), entry("creds.escape", "A\u001b"),
                entry("at", "07:32:00"), entry("ldt", "1979-05-27T07:32:00"));
    }

    @Test
    void aQuotedKeyThatSpellsAnArrayElementIsAnErrorNamingBothKeys() {
        assertThatThrownBy(() -> flatten("hosts = [\"good\"]\n\"hosts[0]\" = \"evil\""))
                .isInstanceOf(SecretsException.class)
                .hasMessage("Secrets file test.toml sets hosts[0] and \"hosts[0]\", which both become the config key"
                        + " hosts[0], so one would silently hide the other. Rename or remove one of them.");
        assertThatThrownBy(() -> flatten("\"hosts[0]\" = \"evil\"\nhosts = [\"good\"]"))
                .isInstanceOf(SecretsException.class).hasMessageContaining("sets \"hosts[0]\" and hosts[0]");
        assertThatThrownBy(() -> flatten("[c]\n\"a[0]\" = 1\na = [2]\n"))
                .hasMessageContaining("sets c.\"a[0]\" and c.a[0]");
    }

    @Test
    void aQuotedKeyInsideAnArraysValueIsAnErrorNamingBothKeys() {
        assertThatThrownBy(() -> flatten("a = [1]\n\"a[0]\" = { b = 2 }"))
                .isInstanceOf(SecretsException.class)
                .hasMessage("Secrets file test.toml sets a to a value and also \"a[0]\".b, which becomes the config"
                        + " key a[0].b inside it, so a reader of the list could not tell which is meant. Rename or"
                        + " remove one of them.");
    }

    @Test
    void aQuotedKeyHoldingADotStaysApartFromTheTableOfTheSameName() {
        // quoting keeps them two keys: SmallRye Config, too, matches a name exactly
        assertThat(flatten("\"a.b\" = 1\n[a]\nb = 2")).containsOnly(entry("\"a.b\"", "1"), entry("a.b", "2"));
        assertThat(flatten("[[s]]\nx = 1\n[[s]]\nx = 2\n[t]\n\"s[0]\" = 3"))
                .containsEntry("s[0].x", "1").containsEntry("t.s[0]", "3");
    }
}
