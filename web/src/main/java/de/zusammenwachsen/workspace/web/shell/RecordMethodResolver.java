package de.zusammenwachsen.workspace.web.shell;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls methods of records ({@code #{group.name()}}, {@code #{group.may('JOIN')}}) through a per-class cache. The
 * boundaries hand records to the pages, and the standard resolver looks up every such call with
 * {@code Class.getMethods()}, which copies all methods each time: measured as a tenth of the group page's cost.
 * Only exact matches are handled here; anything that needs EL's type coercion falls through to the standard resolver.
 */
public class RecordMethodResolver extends ELResolver {

    private static final ClassValue<Map<String, List<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
            Map<String, List<Method>> byName = new ConcurrentHashMap<>();
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    byName.merge(m.getName(), List.of(m), (a, b) -> {
                        Method[] all = Arrays.copyOf(a.toArray(new Method[0]), a.size() + 1);
                        all[a.size()] = b.get(0);
                        return List.of(all);
                    });
                }
            }
            return byName;
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null || !base.getClass().isRecord()) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Method target = find(base.getClass(), method.toString(), args);
        if (target == null) {
            return null;
        }
        try {
            Object result = target.invoke(base, args);
            context.setPropertyResolved(base, method);
            return result;
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    private static Method find(Class<?> type, String name, Object[] args) {
        for (Method m : METHODS.get(type).getOrDefault(name, List.of())) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length != args.length) {
                continue;
            }
            boolean exact = true;
            for (int i = 0; i < p.length && exact; i++) {
                exact = args[i] == null ? !p[i].isPrimitive() : p[i].isInstance(args[i]);
            }
            if (exact) {
                return m;
            }
        }
        return null;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // not a property resolver
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
