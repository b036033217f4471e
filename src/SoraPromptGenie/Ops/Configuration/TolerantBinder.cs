using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Binds a section onto an options object one property at a time. The configuration binder throws at the first
/// value of the wrong type; here each unreadable value becomes its own problem and the property keeps its default,
/// so one run reports every bad setting. An empty section reads keys at the root (<c>PORT</c>).
/// </summary>
public static class TolerantBinder
{
    public static void Bind<T>(IConfiguration configuration, string section, T options, Action<string, string>? unreadable = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        var values = section.Length == 0 ? configuration : configuration.GetSection(section);
        foreach (var property in SettableProperties(typeof(T)))
        {
            var key = KeyOf(property);
            if (values[key] is not { } raw)
            {
                continue;
            }

            if (TryConvert(raw, property.PropertyType, out var value))
            {
                property.SetValue(options, value);
            }
            else
            {
                var message = property.GetCustomAttributes().OfType<IUnreadableValueMessage>().FirstOrDefault()?.Describe(raw)
                    ?? $"'{raw}' is not a valid {Nullable.GetUnderlyingType(property.PropertyType)?.Name ?? property.PropertyType.Name}.";
                unreadable?.Invoke(EnvironmentAliases.VariableFor(PathOf(section, key)), message);
            }
        }
    }

    /// <summary>The configuration key of a property: its <see cref="ConfigurationKeyNameAttribute"/> name, else its own.</summary>
    public static string KeyOf(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
    }

    /// <summary>The full configuration key of <paramref name="key"/> in <paramref name="section"/> (the root when empty).</summary>
    public static string PathOf(string section, string? key) => string.IsNullOrEmpty(section) ? key ?? string.Empty : $"{section}:{key}";

    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static bool TryConvert(string raw, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (target != type && string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (target == typeof(string))
        {
            value = raw;
            return true;
        }

        if (target == typeof(int))
        {
            var ok = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
            value = number;
            return ok;
        }

        if (target == typeof(bool))
        {
            var ok = bool.TryParse(raw, out var flag);
            value = flag;
            return ok;
        }

        if (target == typeof(double))
        {
            var ok = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
            value = number;
            return ok;
        }

        if (target.IsEnum)
        {
            // "open-router" reads as OpenRouter, as the variable's documentation spells it.
            var ok = Enum.TryParse(target, raw.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var member);
            value = member;
            return ok;
        }

        var converter = TypeDescriptor.GetConverter(target);
        try
        {
            value = converter.ConvertFromInvariantString(raw);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
