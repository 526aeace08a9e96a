package com.nextpanel.addons.console.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The marketplace's rows of cards: cut by the width, and told to the list only where they changed. */
class CardRowsTest {

    private final List<AddonListing> catalog = IntStream.range(0, 10)
            .mapToObj(i -> new AddonListing("addon_" + i, "Addon " + i, "Support", "", List.of(ListingVersion.bare("1.0.0")), List.of()))
            .toList();
    private final CardRows rows = new CardRows();
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void listen() {
        rows.show(catalog, 3);
        rows.addListener((ListChangeListener<List<AddonListing>>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ".." + c.getTo() + " removed " + c.getRemovedSize());
            }
        });
    }

    private List<AddonListing> pick(int... indexes) {
        return IntStream.of(indexes).mapToObj(catalog::get).toList();
    }

    @Test
    void theListingsAreCutIntoRowsOfAsManyAsTheWidthHolds() {
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactlyElementsOf(pick(0, 1, 2));
        assertThat(rows.get(3)).containsExactlyElementsOf(pick(9));
    }

    @Test
    void theSameResultAgainChangesNothing() {
        rows.show(List.copyOf(catalog), 3);

        assertThat(changes).isEmpty();
    }

    @Test
    void aResultThatDiffersInTheMiddleReplacesOnlyTheRowsInBetween() {
        // addon_4 filtered out: rows 0 stays, rows 1.. shift
        rows.show(pick(0, 1, 2, 3, 5, 6, 7, 8, 9), 3);

        assertThat(changes).containsExactly("1..3 removed 3");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactlyElementsOf(pick(3, 5, 6));
        assertThat(rows.get(2)).containsExactlyElementsOf(pick(7, 8, 9));
    }

    @Test
    void aNarrowerResultThatKeepsTheLastRowsTellsOnlyTheRemovedOnes() {
        rows.show(pick(0, 1, 2, 9), 3);

        assertThat(changes).containsExactly("1..1 removed 2");
        assertThat(rows).containsExactly(pick(0, 1, 2), pick(9));
    }

    @Test
    void anEmptyResultRemovesEveryRowAndTheWholeCatalogBringsThemBack() {
        rows.show(List.of(), 3);
        assertThat(rows).isEmpty();

        rows.show(catalog, 3);

        assertThat(changes).containsExactly("0..0 removed 4", "0..4 removed 0");
        assertThat(rows).hasSize(4);
    }

    @Test
    void anotherWidthCutsTheRowsAgain() {
        rows.show(catalog, 5);

        assertThat(rows).containsExactly(pick(0, 1, 2, 3, 4), pick(5, 6, 7, 8, 9));
    }
}
