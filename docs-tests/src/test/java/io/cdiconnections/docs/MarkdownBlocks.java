package io.cdiconnections.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of a Markdown file, in order: each with its language, the line it starts
 * on, the section heading above it and whether the line before its fence marks it
 * {@code <!-- fragment -->} (a snippet that shows a few lines and is not meant to compile alone).
 */
final class MarkdownBlocks {

    /** The comment that marks the next code block as a fragment. */
    static final String FRAGMENT_MARK = "<!-- fragment -->";

    /**
     * One fenced block.
     *
     * @param file     the Markdown file
     * @param line     the line of its opening fence, from 1
     * @param language the info string's first word, lower case ("" for none)
     * @param section  the nearest heading above it, without its #s
     * @param fragment whether it is marked as a fragment
     * @param text     its lines, joined with \n, with a final \n
     */
    record Block(Path file, int line, String language, String section, boolean fragment, String text) {

        /** @return where it is, for messages: {@code README.md:42} */
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private MarkdownBlocks() {
    }

    /**
     * Reads the blocks of one file.
     *
     * @param file a Markdown file
     * @return its fenced blocks in order
     */
    static List<Block> of(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "");
            } else if (line.startsWith("```")) {
                String info = line.substring(3).trim();
                String language = info.isEmpty() ? "" : info.split("\\s+")[0].toLowerCase();
                boolean fragment = i > 0 && lines.get(i - 1).trim().equals(FRAGMENT_MARK);
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                for (i = i + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                if (i == lines.size()) {
                    throw new IllegalStateException(file + ":" + start + ": a code block that never closes");
                }
                blocks.add(new Block(file, start, language, section, fragment, text.toString()));
            }
        }
        return blocks;
    }
}
