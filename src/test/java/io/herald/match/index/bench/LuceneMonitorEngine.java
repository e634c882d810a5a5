package io.herald.match.index.bench;

import io.herald.match.index.bench.Workload.Article;
import io.herald.match.index.bench.Workload.Subscription;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The same workload through Lucene Monitor 9.11.1 with its default term-filtered presearcher: title and text are two
 * values of one field with a position gap (a phrase never spans them), words are lower-cased and ASCII-folded, the
 * query text goes through the classic query parser with AND as the default operator (prefix terms folded too), the
 * title is also a field of its own for {@code title:}, and {@code source:} and a feed limit are terms of the
 * untokenised source field.
 */
final class LuceneMonitorEngine implements Closeable {
    private static final String BODY = "body";
    private static final String SOURCE = "source";
    private static final String TITLE = "title";
    private static final int BATCH = 10_000;

    private final Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
            new FoldingAnalyzer(), java.util.Map.of(SOURCE, new org.apache.lucene.analysis.core.KeywordAnalyzer()));
    private final Monitor monitor;

    LuceneMonitorEngine() throws IOException {
        monitor = new Monitor(analyzer);
    }

    void register(List<Subscription> subscriptions) throws IOException {
        QueryParser parser = new QueryParser(BODY, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        List<MonitorQuery> batch = new ArrayList<>(BATCH);
        for (Subscription s : subscriptions) {
            batch.add(new MonitorQuery(Long.toString(s.id()), query(parser, s)));
            if (batch.size() == BATCH) {
                monitor.register(batch);
                batch.clear();
            }
        }
        monitor.register(batch);
    }

    /** How many subscriptions match the article. */
    int match(Article article) throws IOException {
        return monitor.match(document(article), QueryMatch.SIMPLE_MATCHER).getMatchCount();
    }

    /** The ids of the subscriptions that match the article. */
    Set<Long> matchIds(Article article) throws IOException {
        return monitor.match(document(article), QueryMatch.SIMPLE_MATCHER).getMatches().stream()
                .map(m -> Long.parseLong(m.getQueryId())).collect(java.util.stream.Collectors.toSet());
    }

    private static Query query(QueryParser parser, Subscription s) {
        Query parsed;
        try {
            parsed = parser.parse(s.query());
        } catch (ParseException e) {
            throw new IllegalArgumentException("lucene cannot parse " + s.query(), e);
        }
        if (s.feeds().isEmpty()) {
            return parsed;
        }
        BooleanQuery.Builder feeds = new BooleanQuery.Builder();
        s.feeds().forEach(feed -> feeds.add(new TermQuery(new Term(SOURCE, feed)), Occur.SHOULD));
        return new BooleanQuery.Builder().add(parsed, Occur.MUST).add(feeds.build(), Occur.MUST).build();
    }

    private static Document document(Article article) {
        Document doc = new Document();
        doc.add(new TextField(BODY, article.title(), Field.Store.NO));
        doc.add(new TextField(BODY, article.text(), Field.Store.NO));
        doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
        doc.add(new StringField(SOURCE, article.source(), Field.Store.NO));
        return doc;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    /** Standard tokenizer, lower case, ASCII folding; a wide position gap between the values of a field. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }

        /** Prefix terms ({@code kor*}) are folded as words are. */
        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }
}
