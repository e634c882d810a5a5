package io.herald.summarize.article;

/** Inline article pages for extraction tests: real-looking furniture around a known story. */
final class ArticlePages {
    static final String P1 = "NATO has confirmed that North Korean troops have been deployed to the Kursk region of"
            + " Russia, the alliance's secretary general said on Monday, calling it a dangerous expansion of the war.";
    static final String P2 = "Mark Rutte told reporters in Brussels that the deployment, which Seoul first reported"
            + " last month, marked a significant escalation, and that allies were consulting closely on a response.";
    static final String P3 = "South Korea's intelligence service estimates that about 10,000 soldiers were sent,"
            + " although Pyongyang and Moscow have not confirmed the figure, nor said what role they would play.";

    static final String SITE_HEADER = """
            <header class="site-header"><div class="logo"><a href="/">Daily Planet</a></div>
              <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
              <li><a href="/business">Business</a></li><li><a href="/tech">Technology and science news</a></li></ul>
              </nav></header>""";
    static final String SIDEBAR = """
            <aside class="sidebar"><h3>Most read</h3><ol>
              <li><a href="/a">Markets tumble as investors, worried by inflation, sell shares in banks</a></li>
              <li><a href="/b">Storm brings floods, power cuts and travel chaos across the north</a></li>
              <li><a href="/c">Election: what the polls, the pundits and the parties are saying</a></li></ol></aside>""";
    static final String SHARE_BAR = """
            <div class="share-bar"><span>Share this article</span> <a href="https://x.example/share">Share on X</a>
              <a href="https://fb.example/share">Facebook</a> <a href="mailto:?">Email</a></div>""";
    static final String COMMENTS = """
            <section id="comments" class="comments-area"><h2>42 comments</h2>
              <div class="comment"><p>Honestly, I think this was obvious months ago, and anyone who followed the
              news closely, as I did, could have predicted it, but nobody listened, as usual, sadly.</p></div>
              <div class="comment"><p>Well, yes, but, as always, the real question is what happens next, and who,
              if anyone, will pay for it, because, frankly, it will not be us, will it, friends?</p></div>
            </section>""";
    static final String FOOTER = """
            <footer class="site-footer"><p>© 2024 Daily Planet Media Group. All rights reserved.</p>
              <p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>""";

    private ArticlePages() {
    }

    static String page(String body) {
        return "<!doctype html><html><head><title>Story</title><script>var x = 'North Korea, Kursk';</script>"
                + "<style>p { color: red }</style></head><body>" + body + "</body></html>";
    }

    /** A news site: header nav, article with byline, figure credit, share bar, related links, comments, footer. */
    static String newsSite() {
        return page(SITE_HEADER + """
                <main><article class="story">
                  <h1>NATO confirms North Korean troops in Kursk</h1>
                  <div class="byline">By Jane Reporter, Defence correspondent</div>
                  <figure><img src="/troops.jpg"><figcaption>Image credit: Reuters / Some Photographer</figcaption></figure>
                  <div class="story-body"><p>%s</p><p>%s</p>
                  <p class="image-credit">Photo: Getty Images</p>
                  <p>%s</p><p>Read more</p></div>
                """.formatted(P1, P2, P3) + SHARE_BAR + """
                  <div class="related-links"><h3>Related</h3><ul><li><a href="/r1">Ukraine war latest: the key
                  developments, maps and analysis</a></li><li><a href="/r2">Who is Kim Jong Un, the leader,
                  and what does he want?</a></li></ul></div>
                </article></main>""" + SIDEBAR + COMMENTS + FOOTER);
    }

    /** A WordPress blog: entry-content, a sharing block, "The post ... appeared first on ..." and comments. */
    static String wordpress() {
        return page(SITE_HEADER + """
                <div id="page"><div id="primary" class="content-area"><div class="post hentry">
                  <h1 class="entry-title">NATO confirms North Korean troops in Kursk</h1>
                  <div class="entry-meta">Posted on <a href="/2024/11/04">4 November 2024</a> by <a href="/me">admin</a></div>
                  <div class="entry-content"><p>%s</p><p>%s</p><p>%s</p>
                    <p>The post <a href="/p">NATO confirms North Korean troops in Kursk</a> appeared first on <a href="/">Daily Planet</a>.</p>
                    <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li>
                    <li><a href="#">Facebook</a></li></ul></div>
                  </div></div>
                """.formatted(P1, P2, P3) + COMMENTS + "</div>" + SIDEBAR + "</div>" + FOOTER);
    }

    /** No semantic tags: the story is bare text with line breaks in a div, next to a longer link-heavy column. */
    static String tableLayout() {
        return page("""
                <div id="top-links"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></div>
                <div id="wrapper"><div id="leftcol" class="links">
                  <a href="/1">Archive of every story we published, sorted by date and topic, 2001 to 2024</a><br>
                  <a href="/2">Letters to the editor, opinion pieces, columns, and readers' photographs</a><br>
                  <a href="/3">Weather, traffic, local events, school closures and community notices</a></div>
                <div id="maincol"><div class="txt">%s<br><br>%s<br><br>%s</div></div></div>
                """.formatted(P1, P2, P3));
    }

    /** A short story under a long, comma-rich comment thread held in one container. */
    static String longThread() {
        String comment = "<p>Well, yes, but, as always, the real question, for me, is what happens next, and who,"
                + " if anyone, will pay for it, because, frankly, it will not be them, will it, friends?</p>";
        return page(SITE_HEADER + "<div class=\"post-body\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p></div><div class=\"comment-list\">" + comment.repeat(12) + "</div>" + FOOTER);
    }

    /** A section front: only headlines and teasers linking elsewhere. */
    static String indexPage() {
        return page(SITE_HEADER + """
                <div class="content"><h2><a href="/s1">NATO confirms North Korean troops in Kursk</a></h2>
                <p><a href="/s1">Alliance says deployment is a dangerous escalation.</a></p>
                <h2><a href="/s2">Markets rally</a></h2><p><a href="/s2">Stocks rise on rate hopes.</a></p></div>
                """ + FOOTER);
    }
}
