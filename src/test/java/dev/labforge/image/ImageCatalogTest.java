package dev.labforge.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.MovableClock;
import dev.labforge.topology.InterfaceNaming;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The catalog's in-memory copy against its rows: a change is seen by every reader once it commits, even when
 * another request read the catalog between the change and its commit (a build saw "image ... is not in the image
 * catalog" just after registering it, from a copy loaded in that gap and kept for the TTL). The repository is a
 * stand-in whose rows are what is committed; the transaction is Spring's synchronization, driven by the test.
 */
class ImageCatalogTest {

    private final List<RouterImage> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private final ImageCatalog catalog = new ImageCatalog(repository(), clock);

    {
        clock.set(Instant.parse("2026-12-06T10:00:00Z"));
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aReadBetweenAChangeAndItsCommitDoesNotHideTheChangeAfterwards() {
        assertThat(catalog.find("frr")).isEmpty();

        TransactionSynchronizationManager.initSynchronization(); // the registering request's transaction
        catalog.invalidate();
        assertThat(catalog.find("frr")).as("another request, before the commit").isEmpty();
        committed.add(image("frr"));
        commit();

        assertThat(catalog.find("frr")).as("right after the commit, with no time passed").isPresent();
    }

    @Test
    void aRolledBackChangeReadInsideItsTransactionIsForgottenWhenItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        committed.add(image("frr")); // visible inside the transaction only
        catalog.invalidate();
        assertThat(catalog.find("frr")).isPresent();
        committed.clear(); // rolled back
        end(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(catalog.find("frr")).isEmpty();
    }

    @Test
    void theCopyServesReadsUntilAChangeOrTheTtlOnTheClock() {
        committed.add(image("frr"));
        catalog.find("frr");
        catalog.all();
        catalog.lookup();
        assertThat(loads).hasValue(1);

        committed.add(image("veos")); // another replica's change: seen after the TTL
        clock.advance(Duration.ofSeconds(5));
        assertThat(catalog.find("veos")).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(catalog.find("veos")).isPresent();
        assertThat(loads).hasValue(2);

        catalog.invalidate(); // outside a transaction: at once
        catalog.find("frr");
        assertThat(loads).hasValue(3);
    }

    private void commit() {
        end(TransactionSynchronization.STATUS_COMMITTED);
    }

    private static void end(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }

    private RouterImageRepository repository() {
        return (RouterImageRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RouterImageRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findAllByOrderByName")) {
                        loads.incrementAndGet();
                        return List.copyOf(committed);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RouterImage image(String name) {
        return new RouterImage(name, null, "quay.io/labforge/" + name + ":1", "linux", 1, 1024,
                new InterfaceNaming("eth{n}", 1, 8), NicModel.VIRTIO, ConfigDelivery.NOCLOUD, ReadinessProbe.TCP,
                22);
    }
}
