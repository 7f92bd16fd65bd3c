using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Validation;

/// <summary>One validator per dataset, made once each, over the same limits and clock.</summary>
public sealed class ReturnValidators(DatasetRegistry datasets, IOptions<ValidationOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ReturnValidator> byDataset = new(StringComparer.Ordinal);

    public DatasetRegistry Datasets => datasets;

    public ReturnValidator For(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return byDataset.GetOrAdd(dataset.Id, _ => new ReturnValidator(options.Value, timeProvider, dataset));
    }

    /// <summary>The validator of the dataset an upload of this name belongs to (its first folder, else the default).</summary>
    public ReturnValidator ForUpload(string blobName) => For(datasets.ForUpload(blobName));
}
