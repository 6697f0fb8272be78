package cn.fapiao.common.graphql;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Reads the plain fields of our result types (record components such as {@code Invoice.number}).
 *
 * <p>SmallRye's own field fetcher prepares its request {@code Context} for every field it reads:
 * it clones the context and builds the field's selection set as JSON, twice. No resolver of ours
 * reads that context on a plain field, and on a page of 50 invoices this was most of the server's
 * CPU. This fetcher does the rest of what SmallRye's does: read the property, then apply the
 * field's transformation or adapter (number and date formats, {@code @AdaptWith}). Fields with
 * arguments or {@code @Source} resolvers are not plain fields and keep SmallRye's fetchers.
 * Registered through {@code META-INF/services}.
 *
 * <p>It is a {@link LightDataFetcher}: graphql-java then hands it the source object and builds the
 * field's {@link DataFetchingEnvironment} only if asked for it. Building one for every field read
 * (with its selection-set collector) was 7% of the CPU of a page of 50 invoices in the benchmark,
 * about a thousand environments per page. Only an adapter ({@code @AdaptWith}, maps) reads the
 * environment, and only fields in a list, array or optional can hide one in their elements, so
 * every other field is read without it.
 */
public class PropertyFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<Object> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PropertyFetcher(field, owner);
    }

    static final class PropertyFetcher implements PlugableDataFetcher<Object>, LightDataFetcher<Object> {

        private final Field field;
        private final Reference owner;
        private final FieldHelper transform;
        /** Whether SmallRye's transformation may read the environment: an adapter, here or in the elements. */
        private final boolean needsEnvironment;
        /**
         * Whether SmallRye's transformation would give the value back as it is (or a plain list as a
         * copy): no adapter and no scalar to convert. Its copy of every list (edges, lines) and its
         * walk over the elements were 1–2% of a page's CPU.
         */
        private final boolean asIs;
        private volatile MethodHandle getter;

        PropertyFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.transform = new FieldHelper(field);
            boolean adapts = field.isAdaptingWith() || field.isAdaptingTo()
                    || field.getReference().isAdaptingWith() || field.getReference().isAdaptingTo();
            this.needsEnvironment = adapts || field.hasWrapper();
            boolean plainOrList = !field.hasWrapper() || field.getWrapper().isCollection() && !field.getWrapper().hasWrapper();
            this.asIs = !adapts && plainOrList && !converted(field.getReference());
        }

        /** A scalar SmallRye converts on the way out (dates, formatted numbers) or an optional it unwraps. */
        private static boolean converted(Reference reference) {
            return reference.getType() == ReferenceType.SCALAR && !reference.getClassName().equals(reference.getGraphQLClassName())
                    || reference.getClassName().startsWith("java.util.Optional");
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            Object value;
            try {
                value = (Object) getter().invokeExact(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new GraphQLException(t);
            }
            if (asIs) {
                return value;
            }
            return transform.transformOrAdaptResponse(value, needsEnvironment ? environment.get() : null);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        private MethodHandle getter() throws ReflectiveOperationException {
            MethodHandle handle = getter;
            if (handle == null) {
                // Built on first use, as SmallRye builds its accessors.
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                handle = field.getMethodName() == null
                        ? lookup.unreflectGetter(type.getField(field.getPropertyName()))
                        : lookup.unreflect(type.getMethod(field.getMethodName()));
                handle = handle.asType(MethodType.methodType(Object.class, Object.class));
                getter = handle;
            }
            return handle;
        }
    }
}
