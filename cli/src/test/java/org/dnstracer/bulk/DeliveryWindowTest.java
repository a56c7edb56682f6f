package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Iterator<Integer> upTo(int n, AtomicInteger taken) {
        Iterator<Integer> all = IntStream.range(0, n).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public Integer next() {
                taken.incrementAndGet();
                return all.next();
            }
        };
    }

    private static <T> List<T> drain(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void inInputOrderTheFirstInputIsHandedOutFirstThoughTheLaterOnesFinishedBeforeIt() {
        CountDownLatch laterDone = new CountDownLatch(2);
        Function<Integer, Integer> work = i -> {
            if (i == 0) {
                await(laterDone);
            } else {
                laterDone.countDown();
            }
            return i;
        };
        assertThat(drain(new DeliveryWindow<>(upTo(3, new AtomicInteger()), pool, work, true, 3)))
                .containsExactly(0, 1, 2);
    }

    @Test
    void inCompletionOrderASlowFirstInputDoesNotHoldBackTheOthers() {
        CountDownLatch release = new CountDownLatch(1);
        Function<Integer, Integer> work = i -> {
            if (i == 0) {
                await(release);
            }
            return i;
        };
        DeliveryWindow<Integer, Integer> window = new DeliveryWindow<>(upTo(3, new AtomicInteger()), pool, work,
                false, 3);
        List<Integer> first = List.of(window.next(), window.next());
        release.countDown();
        assertThat(first).containsExactlyInAnyOrder(1, 2);
        assertThat(drain(window)).containsExactly(0);
    }

    @Test
    void noMoreInputsAreStartedThanTheWindowHolds() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        DeliveryWindow<Integer, Integer> window = new DeliveryWindow<>(upTo(10, taken), pool, i -> {
            await(release);
            return i;
        }, true, 2);
        assertThat(window.hasNext()).isTrue();
        assertThat(taken).hasValue(2);
        release.countDown();
        assertThat(window.next()).isZero();
        assertThat(taken).hasValue(2); // the next one is taken when it is asked for
        assertThat(drain(window)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(taken).hasValue(10);
    }

    @Test
    void cancelStopsTheInputsStartedAndNotHandedOut() throws InterruptedException {
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        DeliveryWindow<Integer, Integer> window = new DeliveryWindow<>(upTo(5, new AtomicInteger()), one, i -> {
            ran.add(i);
            await(release);
            return i;
        }, true, 3);
        assertThat(window.hasNext()).isTrue();
        window.cancel();
        release.countDown();
        one.shutdown();
        assertThat(one.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isSubsetOf(0); // 1 and 2 waited in the queue and were dropped; 0 may have begun
    }

    @Test
    void aFailureOfTheWorkEndsTheReading() {
        DeliveryWindow<Integer, Integer> window = new DeliveryWindow<>(upTo(3, new AtomicInteger()), pool, i -> {
            if (i == 1) {
                throw new ArithmeticException("bug");
            }
            return i;
        }, true, 3);
        assertThat(window.next()).isZero();
        assertThatThrownBy(window::next).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(window.hasNext()).isFalse(); // what was started is dropped, the rest not asked for: 3 inputs only
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
