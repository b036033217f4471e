using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Usage;

/// <summary>
/// Inserts a batch of ledger rows in one transaction: on PostgreSQL as one ADO.NET batch (one round trip), on SQLite with
/// one prepared <c>INSERT</c> run once per row.
/// <para>
/// <c>SaveChanges</c> generated the SQL and tracked every entity of every batch: about a quarter of everything the
/// server allocated per AI request. Table, columns and parameter types still come from the EF model (type mappings and
/// value converters included), so rows are stored exactly as EF would store them and follow the migrations.
/// </para>
/// </summary>
internal static class LedgerRowInserter
{
    private static readonly ConditionalWeakTable<IModel, InsertPlan> Plans = new();

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (sql, columns) = Plans.GetValue(db.Model, _ => InsertPlan.For(db));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            if (connection.CanCreateBatch)
            {
                await InsertAsOneBatchAsync(connection, transaction.GetDbTransaction(), sql, columns, rows, cancellationToken);
            }
            else
            {
                await InsertRowByRowAsync(connection, transaction.GetDbTransaction(), sql, columns, rows, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL: every row's statement in one round trip, as SaveChanges batched them.</summary>
    private static async Task InsertAsOneBatchAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<Column> columns, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        await using var parameterFactory = connection.CreateCommand();
        foreach (var row in rows)
        {
            var statement = batch.CreateBatchCommand();
            statement.CommandText = sql;
            foreach (var column in columns)
            {
                statement.Parameters.Add(column.CreateParameter(parameterFactory, row));
            }

            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>SQLite (in process, so round trips cost nothing): one prepared statement, its parameters re-bound per row.</summary>
    private static async Task InsertRowByRowAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<Column> columns, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = columns[i].CreateParameter(command, rows[0]);
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The statement and its columns, read from the model once per model (one per provider).</summary>
    private sealed record InsertPlan(string Sql, IReadOnlyList<Column> Columns)
    {
        public static InsertPlan For(AppDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(LlmCall)) ?? throw new InvalidOperationException("LlmCall is not in the model");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Select((property, index) => new Column(
                    property,
                    property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column"),
                    sql.GenerateParameterName($"p{index}"),
                    property.GetRelationalTypeMapping()))
                .ToList();
            var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                $"VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})";
            return new InsertPlan(insert, columns);
        }
    }

    private sealed record Column(IProperty Property, string Name, string ParameterName, RelationalTypeMapping Mapping)
    {
        /// <summary>A parameter typed and converted by EF's mapping, holding the row's value.</summary>
        public DbParameter CreateParameter(DbCommand command, LlmCall row) =>
            Mapping.CreateParameter(command, ParameterName, Property.GetGetter().GetClrValue(row), Property.IsNullable);

        /// <summary>The row's value as the provider stores it, for re-binding a parameter made by <see cref="CreateParameter"/>.</summary>
        public object? ProviderValue(LlmCall row)
        {
            var value = Property.GetGetter().GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
