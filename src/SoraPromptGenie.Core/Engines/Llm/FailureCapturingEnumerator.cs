namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// Reads a stream that may fail at any step, opening included, without throwing: <see cref="MoveNextAsync"/> answers
/// false at the failure and <see cref="Failure"/> holds it. This lets an iterator yield each item as it arrives, which C#
/// does not allow inside a try block that catches.
/// </summary>
internal sealed class FailureCapturingEnumerator<T>(Func<IAsyncEnumerable<T>> open, CancellationToken cancellationToken) : IAsyncDisposable
{
    private IAsyncEnumerator<T>? _items;

    public T Current => _items is { } items ? items.Current : throw new InvalidOperationException("Nothing has been read yet.");

    public Exception? Failure { get; private set; }

    public async ValueTask<bool> MoveNextAsync()
    {
        if (Failure is not null)
        {
            return false;
        }

        try
        {
            _items ??= open().GetAsyncEnumerator(cancellationToken);
            return await _items.MoveNextAsync();
        }
        catch (Exception ex)
        {
            Failure = ex;
            return false;
        }
    }

    public ValueTask DisposeAsync() => _items?.DisposeAsync() ?? ValueTask.CompletedTask;
}
