package io.herald.match.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void behavesLikeAHashMapThroughRandomPutsAndRemoves() {
        LongIntMap map = new LongIntMap();
        Map<Long, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 300_000; step++) {
            long key = random.nextInt(20_000) * (random.nextBoolean() ? -1L : 1L) * 0x10000001L;
            if (random.nextInt(3) == 0) {
                Integer old = reference.remove(key);
                assertThat(map.remove(key)).isEqualTo(old == null ? -1 : old);
            } else {
                int value = random.nextInt(1 << 20);
                reference.put(key, value);
                map.put(key, value);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        reference.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(123456789L)).isEqualTo(reference.getOrDefault(123456789L, -1));
    }
}
