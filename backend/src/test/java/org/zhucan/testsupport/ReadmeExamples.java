package org.zhucan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the README, read from the README itself, so that a test can run each one as
 * written. A ```graphql block holds one or more operations; comments inside an operation say how
 * to run it:
 * <ul>
 *   <li>{@code # as finance}: the demo account that sends it ({@code anyone}: no token; default admin);</li>
 *   <li>{@code # expects DUPLICATE_CREDIT_CODE}: the user error the example shows on purpose;</li>
 *   <li>{@code # keeps $statementId = generateSettlement.statement.id}: a value later examples use as a variable;</li>
 *   <li>{@code # until the next example}: a subscription, which must push what the next example does;</li>
 *   <li>{@code # waits until intakeImport.status is VALIDATED}: a read of a job, sent again until the value shows.</li>
 * </ul>
 * A ```sh block's {@code curl} line runs as the account its {@code # as} comment names: a GET downloads, a
 * {@code -X POST} sends its {@code --data-binary @file} (a path from the repository's root) with its content type,
 * and may keep values of the JSON it answers.
 */
public final class ReadmeExamples {

    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w+)[ \\t]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern AS = Pattern.compile("#.*?\\bas (\\w+)");
    private static final Pattern EXPECTS = Pattern.compile("#.*?\\bexpects ([A-Z_]+)");
    private static final Pattern KEEPS = Pattern.compile("\\bkeeps \\$(\\w+) = ([\\w.\\[\\]]+)");
    private static final Pattern UNTIL_NEXT = Pattern.compile("#.*?\\buntil the next example");
    private static final Pattern WAITS = Pattern.compile("#.*?\\bwaits until ([\\w.\\[\\]]+) is (\\w+)");

    private ReadmeExamples() {
    }

    /** One runnable example: where it is, who sends it, what it sends and what it promises. */
    public record Example(int line, String kind, String account, String text, String expectedUserError, Map<String, String> keeps,
                          boolean untilNext, String waitPath, String waitValue) {

        public String name() {
            String first = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
            return "README line " + line + ", as " + account + ": " + (first.length() > 70 ? first.substring(0, 70) + "…" : first);
        }
    }

    /** The README of the project: the first README.md found walking up from the working directory. */
    public static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("backend"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Every graphql operation and every curl command of the README, in the order they appear. */
    public static List<Example> read(Path readme) {
        String text;
        try {
            text = Files.readString(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            int line = lineOf(text, fence.start(2));
            String body = fence.group(2);
            switch (fence.group(1)) {
                case "graphql" -> splitOperations(body).forEach(op -> examples.add(example(line + op.lineOffset() - 1, "graphql", op.text())));
                case "sh" -> body.lines().filter(l -> l.strip().startsWith("curl ")).findFirst()
                        .filter(curl -> AS.matcher(body).find())
                        .ifPresent(curl -> examples.add(example(line, "curl", body)));
                default -> {
                }
            }
        }
        return examples;
    }

    private static Example example(int line, String kind, String text) {
        Matcher as = AS.matcher(text);
        String account = as.find() ? as.group(1) : "admin";
        Matcher expects = EXPECTS.matcher(text);
        Map<String, String> keeps = new LinkedHashMap<>();
        Matcher keep = KEEPS.matcher(text);
        while (keep.find()) {
            keeps.put(keep.group(1), keep.group(2));
        }
        Matcher waits = WAITS.matcher(text);
        boolean waiting = waits.find();
        return new Example(line, kind, account, text, expects.find() ? expects.group(1) : null, keeps, UNTIL_NEXT.matcher(text).find(),
                waiting ? waits.group(1) : null, waiting ? waits.group(2) : null);
    }

    private record Operation(int lineOffset, String text) {
    }

    /** The operations of a block: each runs from its leading comments to the brace that closes it. */
    static List<Operation> splitOperations(String block) {
        List<Operation> operations = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean inString = false;
        boolean seenBrace = false;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '#') {
                int end = block.indexOf('\n', i);
                i = end < 0 ? block.length() : end;
            } else if (c == '{') {
                depth++;
                seenBrace = true;
            } else if (c == '}') {
                depth--;
                if (depth == 0 && seenBrace) {
                    int end = block.indexOf('\n', i);
                    end = end < 0 ? block.length() : end;
                    // a comment on the closing line belongs to this operation
                    operations.add(new Operation(lineOf(block, start), block.substring(start, end)));
                    start = end + 1;
                    i = end;
                    seenBrace = false;
                }
            }
        }
        return operations;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
