package com.nextpanel.addons.console.marketplace;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The visible cards cut into rows of as many as the width holds: the items of the marketplace's {@code ListView}.
 * A new filter result replaces only the rows between the first and the last one that differ from those shown, as one
 * change: a keystroke that leaves the result as it was (a longer query matching the same addons, a category checked
 * whose addons are all shown) changes nothing, and otherwise the list is told about the changed range only, not the
 * whole catalog. Hand-written because {@code FilteredList} reports every new predicate as the whole list replaced.
 */
final class CardRows extends ObservableListBase<List<AddonListing>> {

    private final ArrayList<List<AddonListing>> rows = new ArrayList<>();

    @Override
    public List<AddonListing> get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Shows {@code items} in rows of {@code columns}, replacing only the rows that changed. */
    void show(List<AddonListing> items, int columns) {
        int oldCount = rows.size();
        int newCount = (items.size() + columns - 1) / columns;
        int common = Math.min(oldCount, newCount);
        int prefix = 0;
        while (prefix < common && sameRow(rows.get(prefix), items, prefix * columns, columns)) {
            prefix++;
        }
        if (prefix == oldCount && prefix == newCount) {
            return;
        }
        int suffix = 0;
        while (suffix < common - prefix
                && sameRow(rows.get(oldCount - 1 - suffix), items, (newCount - 1 - suffix) * columns, columns)) {
            suffix++;
        }
        List<List<AddonListing>> removed = new ArrayList<>(rows.subList(prefix, oldCount - suffix));
        List<List<AddonListing>> added = new ArrayList<>(newCount - suffix - prefix);
        for (int r = prefix; r < newCount - suffix; r++) {
            added.add(List.copyOf(items.subList(r * columns, Math.min(items.size(), (r + 1) * columns))));
        }
        rows.subList(prefix, oldCount - suffix).clear();
        rows.addAll(prefix, added);
        beginChange();
        if (removed.isEmpty()) {
            nextAdd(prefix, prefix + added.size());
        } else if (added.isEmpty()) {
            nextRemove(prefix, removed);
        } else {
            nextReplace(prefix, prefix + added.size(), removed);
        }
        endChange();
    }

    /** True when {@code row} holds the very listings of {@code items} from {@code start} (identity: the catalog's own objects). */
    private static boolean sameRow(List<AddonListing> row, List<AddonListing> items, int start, int columns) {
        int end = Math.min(items.size(), start + columns);
        if (row.size() != end - start) {
            return false;
        }
        for (int k = 0; k < row.size(); k++) {
            if (row.get(k) != items.get(start + k)) {
                return false;
            }
        }
        return true;
    }
}
