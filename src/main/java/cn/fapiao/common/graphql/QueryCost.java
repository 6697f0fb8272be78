package cn.fapiao.common.graphql;

import cn.fapiao.domain.InvoiceSize;
import graphql.execution.ExecutionContext;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.Map;
import java.util.Set;

/**
 * How big a document is, and how big an answer it can produce, measured before anything runs.
 *
 * <p>Three measures: depth (levels of nesting), fields (selections, every alias counted: what
 * resolving costs) and complexity (values the answer can hold: what sending it costs). Complexity
 * multiplies what a list's items select by how many items the list can have: the page size asked
 * for ({@code first}/{@code last}, {@value #DEFAULT_PAGE} when not given), else the bound in
 * {@link #BOUNDS}. Without that, ten aliases of a page of 25 invoices with their lines scored 90
 * and answered 500,000 lines (54 MB).
 */
final class QueryCost {

    /** The largest default page size of a paged field (invoices 20, auditLog 50, verificationLog 50). */
    static final int DEFAULT_PAGE = 50;

    /**
     * Lists that the server caps when it answers (InvoiceDetails), counted at their caps: an
     * invoice's status history (the newest changes) and its lines (all for a single invoice, the
     * first {@code listedInvoiceLines} inside a list).
     */
    static final Set<String> CAPPED = Set.of("Invoice.lines", "Invoice.statusHistory");

    /**
     * Most items of the other list fields that are not paged, by {@code Type.field}. Every list
     * field of the schema is paged, capped or listed here (QueryCostBoundsTest checks it); 1 marks
     * lists whose length follows what the request itself sent (the problems of its input) or that
     * stay short by nature.
     */
    static final Map<String, Integer> BOUNDS = Map.ofEntries(
            Map.entry("InvoicePreview.lines", InvoiceSize.MAX_LINES),
            Map.entry("ImportResult.rows", 1000), // InvoiceImportService.MAX_ROWS
            Map.entry("Mutation.verifyInvoices", 100), // fapiao.verification.batch-max
            Map.entry("Diagnosis.nearMatches", 5), // fapiao.diagnosis.max-near-matches
            Map.entry("Diagnosis.findings", 30), // about two dozen kinds of finding, mostly one each
            Map.entry("Query.users", 100), // not paged: all users of one organisation; an estimate, not a bound
            Map.entry("UserInfo.roles", 1),
            Map.entry("TotpPolicy.requiredForRoles", cn.fapiao.security.Role.values().length),
            Map.entry("NearMatch.differences", 1),
            Map.entry("VerificationResult.mismatchedFields", 1),
            Map.entry("VerificationResult.warnings", 1),
            Map.entry("VerificationResult.problems", 1),
            Map.entry("ImportRowResult.differingFields", 1),
            Map.entry("ImportRowResult.problems", 1),
            Map.entry("InvoicePreview.problems", 1),
            Map.entry("InvoiceCodeInfo.problems", 1),
            Map.entry("InvoiceNumberInfo.problems", 1),
            Map.entry("TaxIdInfo.problems", 1),
            Map.entry("AmountInWordsInfo.problems", 1),
            Map.entry("Query.webhookEndpoints", 10), // fapiao.webhooks.max-endpoints (default)
            Map.entry("WebhookEndpoint.eventKinds", cn.fapiao.webhook.WebhookEventKind.values().length),
            Map.entry("WebhookDelivery.attempts", 20), // fapiao.webhooks.attempts-shown (default)
            Map.entry("InvoiceStatistics.rows", 1000), // report.StatisticsQuery.MAX_ROWS
            Map.entry("InvoiceStatistics.groupBy", 9), // the groupings, each at most once
            Map.entry("VatSummary.outputTaxByRate", 20), // the VAT rates in use, current and historic (TaxRates), and "no lines"
            // The feedback desk: a ticket shows its newest 200 messages and history entries (TicketViews.SHOWN),
            // at most 10 attachments (fapiao.support.attachments.max-per-ticket), 30 findings, 5 suggestions.
            Map.entry("TicketView.messages", 200),
            Map.entry("TicketView.history", 200),
            Map.entry("TicketView.attachments", 10),
            Map.entry("TicketView.diagnosisFindings", 30),
            Map.entry("ArticleSuggestions.articles", 5),
            Map.entry("Query.supportCalendar", 366), // the days of one year
            Map.entry("SupportStatistics.byStatus", cn.fapiao.domain.TicketStatus.values().length),
            Map.entry("SupportStatistics.byCategory", cn.fapiao.domain.TicketCategory.values().length),
            Map.entry("SupportStatistics.byLevel", cn.fapiao.domain.TicketLevel.values().length));

    private final int listedInvoiceLines;
    private final int statusHistory;

    QueryCost(int listedInvoiceLines, int statusHistory) {
        this.listedInvoiceLines = listedInvoiceLines;
        this.statusHistory = statusHistory;
    }

    record Size(int depth, int fields, int complexity) {
    }

    Size measure(ExecutionContext execution) {
        return measure(execution.getGraphQLSchema(), execution.getOperationDefinition(), execution.getFragmentsByName(),
                execution.getCoercedVariables().toMap());
    }

    Size measure(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        Walk walk = new Walk(schema, fragments, variables);
        try {
            long complexity = walk.selections(operation.getSelectionSet(), root, null, null, false, 1);
            return new Size(walk.depth, walk.fields, saturated(complexity));
        } catch (TooBig e) {
            return new Size(walk.depth, walk.fields, Integer.MAX_VALUE);
        }
    }

    /** Fields visited after which a walk stops: fragments spread in fragments grow a document's size exponentially. */
    private static final int WALK_LIMIT = 1_000_000;

    private static final class TooBig extends RuntimeException {
        TooBig() {
            super(null, null, false, false);
        }
    }

    /**
     * One walk of an operation, through fragments as often as they are spread (graphql-java's own
     * calculator counted a fragment spread under several aliases once). {@code @skip} and
     * {@code @include} are applied with the request's variables.
     */
    private final class Walk {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private int depth;
        private int fields;

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
        }

        /** What the selections cost for one item of {@code type}; {@code enclosing} is the field they belong to. */
        long selections(SelectionSet selections, GraphQLCompositeType type, Field enclosing, GraphQLFieldDefinition enclosingDefinition,
                        boolean insideList, int level) {
            if (selections == null) {
                return 0;
            }
            long total = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (!included((DirectivesContainer<?>) selection)) {
                    continue;
                }
                if (selection instanceof Field field) {
                    total += field(field, type, enclosing, enclosingDefinition, insideList, level);
                } else if (selection instanceof InlineFragment inline) {
                    total += selections(inline.getSelectionSet(), typeOf(inline.getTypeCondition(), type), enclosing, enclosingDefinition, insideList, level);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && included(fragment)) {
                        total += selections(fragment.getSelectionSet(), typeOf(fragment.getTypeCondition(), type), enclosing, enclosingDefinition, insideList,
                                level);
                    }
                }
            }
            return Math.min(total, Integer.MAX_VALUE);
        }

        private long field(Field field, GraphQLCompositeType type, Field enclosing, GraphQLFieldDefinition enclosingDefinition, boolean insideList,
                           int level) {
            if (++fields > WALK_LIMIT) {
                throw new TooBig();
            }
            depth = Math.max(depth, level);
            GraphQLFieldDefinition definition = Introspection.getFieldDef(schema, type, field.getName());
            GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            boolean list = fieldType instanceof GraphQLList;
            long items = list ? itemsOf(type.getName() + "." + field.getName(), field, definition, enclosing, enclosingDefinition, insideList) : 1;
            long children = GraphQLTypeUtil.unwrapAll(fieldType) instanceof GraphQLCompositeType composite
                    ? selections(field.getSelectionSet(), composite, field, definition, insideList || list, level + 1) : 0;
            return Math.min(items * (1 + children), Integer.MAX_VALUE);
        }

        /** How many items a list field answers: its page, the page of the connection it belongs to, or its bound. */
        private long itemsOf(String name, Field field, GraphQLFieldDefinition definition, Field enclosing, GraphQLFieldDefinition enclosingDefinition,
                             boolean insideList) {
            Integer page = pageSize(field, definition);
            if (page == null && enclosing != null) {
                // The edges of a connection: as many as the connection's page.
                page = pageSize(enclosing, enclosingDefinition);
            }
            if (page != null) {
                return page;
            }
            return switch (name) {
                // A single invoice answers all its lines, a listed one at most listedInvoiceLines (InvoiceDetails caps them).
                case "Invoice.lines" -> insideList ? listedInvoiceLines : InvoiceSize.MAX_LINES;
                case "Invoice.statusHistory" -> statusHistory;
                default -> BOUNDS.getOrDefault(name, 1);
            };
        }

        /**
         * {@code first} or {@code last} as asked, the default page when the field takes them but has
         * neither; null when it takes neither. A size out of range is refused by the resolver;
         * counted as asked, a huge one is refused here first.
         */
        private Integer pageSize(Field field, GraphQLFieldDefinition definition) {
            Integer size = null;
            boolean paged = definition.getArgument("first") != null || definition.getArgument("last") != null;
            for (Argument argument : field.getArguments()) {
                if (argument.getName().equals("first") || argument.getName().equals("last")) {
                    paged = true;
                    Object value = valueOf(argument.getValue());
                    if (value instanceof Number number) {
                        size = Math.max(number.intValue(), 0);
                    }
                }
            }
            return size != null ? size : paged ? DEFAULT_PAGE : null;
        }

        private boolean included(DirectivesContainer<?> node) {
            for (Directive directive : node.getDirectives()) {
                Argument condition = directive.getArgument("if");
                Object value = condition == null ? null : valueOf(condition.getValue());
                if (directive.getName().equals("skip") && Boolean.TRUE.equals(value)
                        || directive.getName().equals("include") && Boolean.FALSE.equals(value)) {
                    return false;
                }
            }
            return true;
        }

        private Object valueOf(Value<?> value) {
            if (value instanceof VariableReference variable) {
                return variables.get(variable.getName());
            }
            if (value instanceof IntValue number) {
                return number.getValue();
            }
            if (value instanceof BooleanValue bool) {
                return bool.isValue();
            }
            return null;
        }

        private GraphQLCompositeType typeOf(TypeName condition, GraphQLCompositeType otherwise) {
            return condition == null ? otherwise : (GraphQLCompositeType) schema.getType(condition.getName());
        }
    }

    private static int saturated(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
