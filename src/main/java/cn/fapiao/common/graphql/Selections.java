package cn.fapiao.common.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/**
 * What the field being resolved selects, read from the document itself.
 *
 * <p>graphql-java's {@code getSelectionSet()} answers the same question, but builds the normalized
 * form of the whole operation first and walks every selected field to make glob names: most of
 * the garbage of an invoice lookup. This walks only the path asked for, through fragments.
 * {@code @skip} and {@code @include} are not evaluated: a field selected under a condition counts
 * as selected, so a caller may load a little more than needed, never less.
 */
public final class Selections {

    private Selections() {
    }

    /**
     * Whether the current field selects the field at {@code path}, given as field names (not
     * aliases) separated by "/", e.g. {@code "edges/node/lines"}.
     */
    public static boolean selects(DataFetchingEnvironment environment, String path) {
        String[] names = path.split("/");
        Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
        for (Field field : environment.getMergedField().getFields()) {
            if (selects(field.getSelectionSet(), names, 0, fragments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(SelectionSet selections, String[] names, int depth, Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals(names[depth])
                        && (depth == names.length - 1 || selects(field.getSelectionSet(), names, depth + 1, fragments))) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (selects(inline.getSelectionSet(), names, depth, fragments)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && selects(fragment.getSelectionSet(), names, depth, fragments)) {
                    return true;
                }
            }
        }
        return false;
    }
}
