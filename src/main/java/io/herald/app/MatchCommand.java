package io.herald.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.match.Document;
import io.herald.match.Query;
import io.herald.match.QueryException;
import io.herald.match.index.SubscriptionIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald match}: test queries against text. */
@Command(name = "match", description = "Test queries against a text file or JSON-lines documents.")
final class MatchCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Queries queries;

    @ArgGroup(multiplicity = "1")
    Inputs inputs;

    static final class Queries {
        @Option(names = "--query", paramLabel = "Q", description = "One query (its id is q).")
        String query;

        @Option(names = "--queries", paramLabel = "QUERIES.tsv", description = "Lines of queryId<TAB>query.")
        Path file;
    }

    static final class Inputs {
        @Option(names = "--file", paramLabel = "TEXT_FILE", description = "A plain-text file to match.")
        Path text;

        @Option(names = "--docs", paramLabel = "DOCS.jsonl",
                description = "JSON lines {\"id\",\"title\",\"text\",\"source\"}; prints docId<TAB>queryId per match.")
        Path docs;
    }

    private record NamedQuery(String id, Query query) {
    }

    private record NamedDoc(String id, Document document) {
    }

    @Override
    public Integer call() {
        List<NamedQuery> named = loadQueries();
        PrintStream out = System.out;
        if (inputs.text != null) {
            Document doc = new Document("", read(inputs.text), "");
            for (NamedQuery q : named) {
                out.println(q.id() + "\t" + (q.query().matches(doc) ? "match" : "no match"));
            }
            return Main.OK;
        }
        List<NamedDoc> docs = loadDocs(inputs.docs);
        long buildStart = System.nanoTime();
        SubscriptionIndex index = new SubscriptionIndex();
        for (int i = 0; i < named.size(); i++) {
            index.add(i, named.get(i).query(), java.util.Set.of());
        }
        long start = System.nanoTime();
        StringBuilder sb = new StringBuilder();
        long matches = 0;
        for (NamedDoc d : docs) {
            long[] ids = index.match(d.document());
            java.util.Arrays.sort(ids);
            for (long id : ids) {
                sb.append(d.id()).append('\t').append(named.get((int) id).id()).append('\n');
            }
            matches += ids.length;
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        out.print(sb);
        out.flush();
        System.err.printf("matched %d documents against %d queries (index built in %.1f ms): %d matches in %.1f ms"
                        + " (%.0f documents/s)%n", docs.size(), named.size(), (start - buildStart) / 1e6, matches,
                seconds * 1000, docs.size() / seconds);
        return Main.OK;
    }

    private List<NamedQuery> loadQueries() {
        if (queries.query != null) {
            return List.of(new NamedQuery("q", parse(queries.query, "query")));
        }
        List<NamedQuery> out = new ArrayList<>();
        List<String> lines = lines(queries.file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new UserInputException(queries.file + ":" + (i + 1) + ": expected queryId<TAB>query");
            }
            String id = line.substring(0, tab);
            out.add(new NamedQuery(id, parse(line.substring(tab + 1), queries.file + ":" + (i + 1) + ": query " + id)));
        }
        return out;
    }

    private static Query parse(String text, String where) {
        try {
            return Query.parse(text);
        } catch (QueryException e) {
            throw new UserInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<NamedDoc> loadDocs(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<NamedDoc> docs = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new UserInputException(file + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject() || !node.hasNonNull("id")) {
                throw new UserInputException(file + ":" + (i + 1) + ": expected a JSON object with an \"id\"");
            }
            docs.add(new NamedDoc(node.get("id").asText(), new Document(node.path("title").asText(""),
                    node.path("text").asText(""), node.path("source").asText(""))));
        }
        return docs;
    }

    private static String read(Path file) {
        return String.join("\n", lines(file));
    }

    private static List<String> lines(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (IOException | UncheckedIOException e) {
            throw new UserInputException(file + ": cannot read it as UTF-8 text (" + e.getMessage() + ")");
        }
    }
}
