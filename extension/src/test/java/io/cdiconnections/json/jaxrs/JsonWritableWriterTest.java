package io.cdiconnections.json.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cdiconnections.json.Pets;
import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/** A Table or Row returned by a JAX-RS resource: written as JSON-B writes it, the response left open. */
class JsonWritableWriterTest {

    private static final Annotation[] NONE = new Annotation[0];

    private static SQLConnection sql;
    private static Table table;

    @BeforeAll
    static void readTable() {
        sql = Pets.create("jaxrs_h2");
        sql.update("insert into pets (id, name) values (3, '\"q\" ü ✓ \\ \t/')"); // escapes, non-ASCII
        table = sql.query("select * from pets order by id");
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    @Test
    void aTableAndARowAreWrittenAsJsonbWritesThem() throws Exception {
        JsonWritableWriter writer = new JsonWritableWriter();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(write(writer, table, MediaType.APPLICATION_JSON_TYPE)).isEqualTo(jsonb.toJson(table))
                    .startsWith("[{\"ID\":1,").contains("{\"ID\":3,\"NAME\":\"\\\"q\\\" ü ✓ \\\\ \\t/\"");
            Row row = table.row(0);
            assertThat(write(writer, row, MediaType.APPLICATION_JSON_TYPE)).isEqualTo(jsonb.toJson(row));
            Table empty = sql.query("select * from pets where id < 0");
            assertThat(write(writer, empty, MediaType.APPLICATION_JSON_TYPE)).isEqualTo("[]");
        }
    }

    @Test
    void theResponseIsFlushedAndLeftOpen() throws Exception {
        Recording out = new Recording();
        new JsonWritableWriter().writeTo(table, Table.class, Table.class, NONE, MediaType.APPLICATION_JSON_TYPE,
                null, out);
        assertThat(out.closed).as("JAX-RS: a writer does not close the entity stream").isFalse();
        assertThat(out.flushed).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("[").endsWith("]");
    }

    @Test
    void theMediaTypesCharsetIsWrittenIn() throws Exception {
        MediaType utf16 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-16BE");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonWritableWriter().writeTo(table, Table.class, Table.class, NONE, utf16, null, out);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(out.toString(StandardCharsets.UTF_16BE)).isEqualTo(jsonb.toJson(table));
        }
    }

    @Test
    void aCharsetThatIsNotUnicodesOrThisJvmLacksIsRefusedAsNotAcceptableBeforeAnythingIsWritten() {
        // unknown, illegal, markup; one that cannot encode (x-JISAutoDetect); one that would lose characters
        for (String charset : new String[] {"x-no-such-charset", "not a name!", "<script>", "x-JISAutoDetect",
            "US-ASCII", "ISO-8859-1"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MediaType asked = MediaType.APPLICATION_JSON_TYPE.withCharset(charset);
            assertThatThrownBy(() -> new JsonWritableWriter().writeTo(table, Table.class, Table.class, NONE, asked, null, out))
                    .isInstanceOf(NotAcceptableException.class)
                    .hasMessageContaining("charset=UTF-8")
                    .hasMessageNotContaining(charset) // a request header's text is not echoed
                    .satisfies(e -> assertThat(((NotAcceptableException) e).getResponse().getStatus()).isEqualTo(406));
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void onlyTablesAndRowsAnsweredAsJsonAreTaken() {
        JsonWritableWriter writer = new JsonWritableWriter();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(writer.isWriteable(Row.class, Row.class, NONE,
                MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))).isTrue();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, new MediaType("text", "json"))).isTrue();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, new MediaType("application", "problem+json")))
                .as("not in the writer's @Produces: left to JSON-B").isFalse();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, MediaType.WILDCARD_TYPE)).isFalse();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, new MediaType("application", "*"))).isFalse();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, MediaType.TEXT_PLAIN_TYPE)).isFalse();
        assertThat(writer.isWriteable(Table.class, Table.class, NONE, MediaType.APPLICATION_XML_TYPE)).isFalse();
        assertThat(writer.isWriteable(List.class, List.class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(writer.isWriteable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    @Test
    void withoutJsonpTheWriterStillLoadsAndDeclines() throws Exception {
        assertThat(isWriteableWhere(false)).as("the same isolation with JSON-P visible").isTrue();
        assertThat(isWriteableWhere(true)).as("JSON-P's API hidden").isFalse();
    }

    /**
     * @param hideJsonp whether the library's classes, loaded anew, see no JSON-P
     * @return what the writer of that copy answers for its Table as application/json
     */
    private static boolean isWriteableWhere(boolean hideJsonp) throws Exception {
        java.net.URL library = JsonWritableWriter.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader above = new ClassLoader(JsonWritableWriterTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.cdiconnections.") || hideJsonp && name.startsWith("jakarta.json.")) {
                    throw new ClassNotFoundException(name); // the library from below; JSON-P from nowhere
                }
                return super.loadClass(name, resolve);
            }
        };
        try (java.net.URLClassLoader copy = new java.net.URLClassLoader(new java.net.URL[] {library}, above)) {
            Class<?> writer = Class.forName(JsonWritableWriter.class.getName(), true, copy);
            Class<?> table = Class.forName(Table.class.getName(), false, copy);
            assertThat(writer).isNotSameAs(JsonWritableWriter.class);
            jakarta.ws.rs.ext.MessageBodyWriter<?> w =
                    (jakarta.ws.rs.ext.MessageBodyWriter<?>) writer.getConstructor().newInstance();
            return w.isWriteable(table, table, NONE, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Test
    void aClientThatWentAwayIsReportedAsAnIOException() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertThatThrownBy(() -> new JsonWritableWriter().writeTo(table, Table.class, Table.class, NONE,
                MediaType.APPLICATION_JSON_TYPE, null, gone)).isInstanceOf(IOException.class).hasMessage("Broken pipe");
    }

    private static String write(JsonWritableWriter writer, Object value, MediaType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo((io.cdiconnections.json.JsonWritable) value, value.getClass(), value.getClass(), NONE, type,
                null, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Records whether it was flushed and closed. */
    private static final class Recording extends ByteArrayOutputStream {
        boolean flushed;
        boolean closed;

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
