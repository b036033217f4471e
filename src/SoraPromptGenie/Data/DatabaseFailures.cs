using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SoraPromptGenie.Ops.Errors;

namespace SoraPromptGenie.Data;

/// <summary>Thrown when the data layer gives up on the database; answered as 503 <c>database_unavailable</c>.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Thrown at start when the database cannot serve this build: unreachable, or migrations pending.</summary>
public sealed class DatabaseStartupException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Tells an outage (the database is down, busy or slow) from a bug (a constraint we did not expect, bad SQL).</summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;

    /// <summary>What the API answers for an outage: 503 <c>database_unavailable</c>.</summary>
    public static readonly DependencyOutage Outage = new(
        "Database",
        ErrorCodes.DatabaseUnavailable,
        "The database is unavailable right now. Your AI tools still work; try saving again in a moment.",
        IsOutage);

    /// <summary>The endpoint reads or writes the database, so an outage answers it 503 <c>database_unavailable</c>.</summary>
    public static TBuilder UsesDatabase<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesOutage(Outage);

    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DatabaseUnavailableException or TimeoutException:
                    return true;
                case PostgresException postgres:
                    // Class 08: connection exceptions; 53: insufficient resources; 57P0x: shutting down or starting up.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "57014";
                case NpgsqlException:
                    // Not a server error message: the connection could not be opened or broke.
                    return true;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen;
                case DbException { IsTransient: true }:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>A unique-index violation: on save, another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                || current is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }
}
