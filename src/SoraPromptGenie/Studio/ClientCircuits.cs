using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Studio;

/// <summary>
/// The studio circuits each client address holds open in this process, capped at
/// <see cref="StudioOptions.MaxCircuitsPerClient"/>: one client opening tab after tab would otherwise hold about 2 MB of
/// server memory per tab. A circuit counts from its admission until it closes, including while it waits disconnected
/// for its tab to come back. Clients are counted as the rate limits count them (<see cref="ClientKey"/>): an IPv6 client
/// by its network, so one subscriber's many addresses share one cap.
/// </summary>
public sealed partial class ClientCircuits(
    IOptions<StudioOptions> options,
    IOptions<RateLimitingOptions> rateLimiting,
    ILogger<ClientCircuits> logger)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Limit => options.Value.MaxCircuitsPerClient;

    /// <summary>Counts a new circuit for <paramref name="client"/>, or returns false when the client is at its limit.</summary>
    public bool TryOpen(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client = KeyOf(client);
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= Limit)
            {
                CircuitRefused(logger, client, open);
                return false;
            }

            _open[client] = open + 1;
            return true;
        }
    }

    public void Close(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client = KeyOf(client);
        lock (_gate)
        {
            if (_open.TryGetValue(client, out var open))
            {
                if (open <= 1)
                {
                    _open.Remove(client);
                }
                else
                {
                    _open[client] = open - 1;
                }
            }
        }
    }

    public int OpenFor(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client = KeyOf(client);
        lock (_gate)
        {
            return _open.GetValueOrDefault(client);
        }
    }

    private string KeyOf(string client) => ClientKey.For(client, rateLimiting.Value.Ipv6PrefixLength);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Studio circuit refused for client {ClientAddress}: {OpenCircuits} circuits already open")]
    private static partial void CircuitRefused(ILogger logger, string clientAddress, int openCircuits);
}

/// <summary>
/// One circuit's place in its client's count (<see cref="ClientCircuits"/>), released when the circuit closes. Circuit
/// handlers run before the root component receives its parameters, and the client address only reaches the circuit as a
/// (data-protected) root parameter (see <see cref="CircuitClient"/>), so the root component asks for admission with it
/// as the circuit's first step and renders the refusal instead of the studio when it is denied.
/// </summary>
public sealed class CircuitAdmission(ClientCircuits circuits) : CircuitHandler, IDisposable
{
    private string? _client;

    /// <summary>Whether this circuit may run the studio; asking again after admission changes nothing.</summary>
    public bool Admit(string client)
    {
        if (_client is not null)
        {
            return true;
        }

        if (!circuits.TryOpen(client))
        {
            return false;
        }

        _client = client;
        return true;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    /// <summary>The circuit's scope is disposed even when a handler never ran (a circuit that failed to start).</summary>
    public void Dispose() => Release();

    private void Release()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            circuits.Close(client);
        }
    }
}
