using Microsoft.Extensions.Options;

namespace Pipeline.Core.Datasets;

/// <summary>
/// Reads the dataset definitions when the app starts (<see cref="DatasetOptions.Validate"/>), by code the options source
/// generator writes (AOT-safe), so a bad file stops it with the file's name and the problem.
/// </summary>
[OptionsValidator]
internal sealed partial class DatasetOptionsValidator : IValidateOptions<DatasetOptions>;
