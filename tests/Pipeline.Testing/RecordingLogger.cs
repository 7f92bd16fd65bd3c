using Microsoft.Extensions.Logging;

namespace Pipeline.Testing;

/// <summary>One log event as it was written: its id, level, message and the values of its named placeholders.</summary>
public sealed record LoggedEvent(LogLevel Level, EventId Id, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>An <see cref="ILogger{T}"/> that keeps what is logged, for tests that an operator would see an event.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<LoggedEvent> _events = [];

    public IReadOnlyList<LoggedEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        lock (_events)
        {
            _events.Add(new LoggedEvent(logLevel, eventId, formatter(state, exception), values));
        }
    }
}
