using Microsoft.Extensions.Options;

namespace Pipeline.Storage;

/// <summary>
/// The names on <see cref="StorageOptions"/> (required, and each a name Azure accepts), checked by code the options
/// source generator writes from its attributes, as Core's options are: one wording for every setting refused at start.
/// </summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
