package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordDictionaryTest {
    @Test
    void findsEveryInternedWordPrefixAndPairThroughGrowth() {
        WordDictionary dictionary = new WordDictionary();
        Random random = new Random(5);
        List<Integer> wordIds = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            int id = dictionary.intern(randomWord(random));
            wordIds.add(id);
            if (i % 3 == 0) {
                int second = wordIds.get(random.nextInt(wordIds.size()));
                pairs.add(new int[] {id, second, dictionary.internPair(id, second)});
            }
        }
        for (int id : wordIds) {
            String word = dictionary.word(id);
            assertThat(dictionary.find(word)).isEqualTo(id);
            assertThat(dictionary.find(word + "zz", word.length())).isEqualTo(id);
        }
        for (int[] pair : pairs) {
            assertThat(dictionary.word(pair[2])).isNull();
            assertThat(dictionary.findPair(pair[0], pair[1])).isEqualTo(pair[2]);
            assertThat(dictionary.internPair(pair[0], pair[1])).isEqualTo(pair[2]);
        }
        assertThat(dictionary.size()).isGreaterThan(40_000);
        assertThat(dictionary.find("Nato")).as("stored words are folded; look-ups are exact").isEqualTo(-1);
        assertThat(dictionary.find("never-interned")).isEqualTo(-1);
        assertThat(dictionary.findPair(0, dictionary.size() + 5)).isEqualTo(-1);
    }

    @Test
    void findsPackedWordsByTheirCodeInEitherCase() {
        WordDictionary dictionary = new WordDictionary();
        int id = dictionary.intern("covid19");
        long code = 0;
        for (char c : "COVID19".toCharArray()) {
            code = code * 37 + WordDictionary.digit(c);
        }
        assertThat(dictionary.findPacked(code)).isEqualTo(id);
        assertThat(dictionary.intern("ünïcode")).isEqualTo(dictionary.find("ünïcode"));
        assertThat(dictionary.intern("aaaaaaaaaaaaaaaaaaaaa")).isEqualTo(dictionary.find("aaaaaaaaaaaaaaaaaaaaa"));
    }

    private static String randomWord(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 20 : 8);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(40);
            out.append(pick < 26 ? (char) ('a' + pick) : pick < 36 ? (char) ('0' + pick - 26) : "éσ東-".charAt(pick - 36));
        }
        return out.toString();
    }
}
