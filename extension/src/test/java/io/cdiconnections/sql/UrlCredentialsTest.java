package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.internal.Redaction;

/** Every form of JDBC URL the library accepts loses its credentials to the driver properties. */
class UrlCredentialsTest {

    @Test
    void aPasswordParameterIsPassedAsAPropertyNotInTheUrl() {
        assertSplit("jdbc:postgresql://h/db?password=a%40b&user=u", "jdbc:postgresql://h/db?user=u", null, "a@b", Map.of());
        assertSplit("jdbc:mariadb://h/db?user=u&password=p&ssl=true", "jdbc:mariadb://h/db?user=u&ssl=true", null, "p",
                Map.of());
        assertSplit("jdbc:sqlserver://h;user=sa;Password=p%1;encrypt=false", "jdbc:sqlserver://h;user=sa;encrypt=false",
                null, "p%1", Map.of());
        assertSplit("jdbc:sqlserver://h;password={a;b};encrypt=false", "jdbc:sqlserver://h;encrypt=false", null, "a;b",
                Map.of());
        assertSplit("jdbc:h2:mem:x;USER=sa;PASSWORD=p$1", "jdbc:h2:mem:x;USER=sa", null, "p$1", Map.of());
    }

    @Test
    void secretLookingParametersArePassedAsProperties() {
        assertSplit("jdbc:postgresql://h/db?sslpassword=k&sslmode=require", "jdbc:postgresql://h/db?sslmode=require",
                null, null, Map.of("sslpassword", "k"));
        assertSplit("jdbc:mariadb://h/db?keyStorePassword=k1&useSsl=true&api_key=k2",
                "jdbc:mariadb://h/db?useSsl=true", null, null, Map.of("keyStorePassword", "k1", "api_key", "k2"));
        assertSplit("jdbc:snowflake://a.snowflakecomputing.com/?user=u&private_key_file_pwd=k&token=t",
                "jdbc:snowflake://a.snowflakecomputing.com/?user=u", null, null,
                Map.of("private_key_file_pwd", "k", "token", "t"));
    }

    @Test
    void theUserInfoOfAUrlIsPassedAsUserAndPassword() {
        assertSplit("jdbc:postgresql://postgres:s3cret@127.0.0.1:5432/test", "jdbc:postgresql://127.0.0.1:5432/test",
                "postgres", "s3cret", Map.of());
        assertSplit("jdbc:mysql://svc$1:a%2Fb+c@h1,h2/db?ssl=true", "jdbc:mysql://h1,h2/db?ssl=true", "svc$1", "a/b+c",
                Map.of());
        assertSplit("jdbc:mariadb://root:pa/ss@h:3306/db", "jdbc:mariadb://h:3306/db", "root", "pa/ss", Map.of());
        assertSplit("jdbc:mysql://root@h/db", "jdbc:mysql://h/db", "root", null, Map.of());
        assertSplit("jdbc:mysql:loadbalance://u:p@h1,h2/db", "jdbc:mysql:loadbalance://h1,h2/db", "u", "p", Map.of());
        assertSplit("jdbc:oracle:thin:scott/tiger@//h:1521/svc", "jdbc:oracle:thin:@//h:1521/svc", "scott", "tiger",
                Map.of());
        assertSplit("jdbc:oracle:thin:scott/\"ti@ger\"@h:1521:orcl", "jdbc:oracle:thin:@h:1521:orcl", "scott",
                "ti@ger", Map.of());
    }

    @Test
    void mysqlKeyValueHostsLoseTheirPasswords() {
        assertSplit("jdbc:mysql://(host=h,port=3306,user=u,password=p)/db", "jdbc:mysql://(host=h,port=3306,user=u)/db",
                null, "p", Map.of());
        assertSplit("jdbc:mysql://(password=p,host=h)/db", "jdbc:mysql://(host=h)/db", null, "p", Map.of());
        assertSplit("jdbc:mysql://address=(host=h)(password=p)(user=u)/db", "jdbc:mysql://address=(host=h)(user=u)/db",
                null, "p", Map.of());
    }

    @Test
    void aPasswordHoldingSeparatorsOfAnotherKindIsTakenOutWhole() {
        // after ? and &, a value ends at the next & only; after ;, at the next ; only; braces hold anything, }} is }
        assertSplit("jdbc:postgresql://h/db?user=u&password=ab#cd;SECRET&ssl=true", "jdbc:postgresql://h/db?user=u&ssl=true",
                null, "ab#cd;SECRET", Map.of());
        assertSplit("jdbc:sqlserver://h;password=ab&cdSECRET;encrypt=true", "jdbc:sqlserver://h;encrypt=true", null,
                "ab&cdSECRET", Map.of());
        assertSplit("jdbc:sqlserver://h;password={ab}}cd;SECRET};encrypt=true", "jdbc:sqlserver://h;encrypt=true", null,
                "ab}cd;SECRET", Map.of());
        for (String url : new String[] {"jdbc:postgresql://h/db?password=ab#cd;SECRET&ssl=true",
            "jdbc:sqlserver://h;password={ab}}cd;SECRET};encrypt=true", "jdbc:sqlserver://h;password=ab&cdSECRET;encrypt=true"}) {
            assertThat(Redaction.url(url)).as(url).doesNotContain("SECRET").doesNotContain("cd");
        }
    }

    @Test
    void spannersSemicolonParametersAfterAQuestionMarkStaySeparate() {
        String base = "jdbc:cloudspanner:/projects/p/instances/i/databases/d";
        assertSplit(base + "?credentials=/keys/k.json;autocommit=false", base + "?autocommit=false", null, null,
                Map.of("credentials", "/keys/k.json"));
        assertSplit(base + "?autocommit=false;credentials=/keys/k.json", base + "?autocommit=false", null, null,
                Map.of("credentials", "/keys/k.json"));
    }

    @Test
    void anUnencodedAtInTheUserInfosPasswordIsRefusedWithoutQuotingTheUrl() {
        for (String url : new String[] {"jdbc:postgresql://postgres:Pa55@word-SECRET-xyz@127.0.0.1:1/test",
            "jdbc:mysql://u:a@b@h/db?ssl=true", "jdbc:postgresql://u:Pa55@wo/rd-SECRET@h/db"}) {
            assertThatThrownBy(() -> UrlCredentials.of(url, "sql")).isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("Connection 'sql'").hasMessageContaining("%40")
                    .hasMessageNotContaining("SECRET").hasMessageNotContaining("Pa55").hasMessageNotContaining("a@b");
        }
        assertThat(SqlUrl.parse("postgresql://postgres:Pa55@word-SECRET-xyz@127.0.0.1:1/test")).isEmpty();
        assertThat(SqlUrl.parse("postgresql://u:Pa55@wo/rd-SECRET@h/db")).isEmpty();
        assertThat(SqlUrl.parse("postgresql://postgres:Pa55%40word@127.0.0.1:1/test")).get()
                .extracting(SqlUrl::password, SqlUrl::host).containsExactly("Pa55@word", "127.0.0.1");
    }

    @Test
    void urlsWithoutCredentialsAreLeftAlone() {
        for (String url : new String[] {"jdbc:postgresql://h:5432/db?options=a@b", "jdbc:postgresql://[::1]:5432/db?x=a@b",
            "jdbc:postgresql://h/db?user=u@corp", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:sqlite:/tmp/a@b.db",
            "jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary", "jdbc:oracle:thin:@//h:1521/svc"}) {
            assertSplit(url, url, null, null, Map.of());
        }
    }

    private static void assertSplit(String url, String clean, String user, String password, Map<String, String> props) {
        UrlCredentials split = UrlCredentials.of(url, "sql");
        assertThat(split.url()).as(url).isEqualTo(clean);
        assertThat(split.user()).as(url).isEqualTo(user);
        assertThat(split.password()).as(url).isEqualTo(password);
        assertThat(split.properties()).as(url).isEqualTo(props);
        assertThat(Redaction.url(split.url())).as("what the one redaction path would mask").isEqualTo(split.url());
        if (password != null) {
            assertThat(Redaction.url(url)).as(url).contains(Redaction.MASK);
        }
    }
}
