using System.Reflection;
using System.Reflection.Metadata;

namespace ParallelSum.Build.PublicXmlDocs;

/// <summary>The documentation comment id of every type and member an assembly defines, each with whether it belongs to the
/// public surface: a public type (nested ones only inside public types, as public or protected), and on it a public or
/// protected member, or an explicit implementation of a public interface.</summary>
internal sealed class DocumentationIdIndex
{
    private readonly MetadataReader _reader;
    private readonly DocumentationIdTypeProvider _types;
    private readonly Dictionary<string, bool> _visible = new(StringComparer.Ordinal);
    private readonly HashSet<EntityHandle> _explicitImplementationsOfVisibleInterfaces = [];

    private DocumentationIdIndex(MetadataReader reader)
    {
        _reader = reader;
        _types = new DocumentationIdTypeProvider(reader);
    }

    /// <summary>Reads every id of an assembly's metadata.</summary>
    public static DocumentationIdIndex Read(MetadataReader reader)
    {
        var index = new DocumentationIdIndex(reader);
        foreach (TypeDefinitionHandle type in reader.TypeDefinitions)
        {
            index.AddType(type);
        }

        return index;
    }

    /// <summary>Gets every id the assembly defines, each with whether it is public surface.</summary>
    public IReadOnlyDictionary<string, bool> Visible => _visible;

    private void AddType(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _reader.GetTypeDefinition(handle);
        string typeId = _types.DefinitionName(handle);
        if (typeId == "<Module>")
        {
            return;
        }

        bool typeVisible = IsVisible(handle);
        Add("T:" + typeId, typeVisible);
        if (typeVisible)
        {
            foreach (MethodImplementationHandle implementation in type.GetMethodImplementations())
            {
                MethodImplementation pair = _reader.GetMethodImplementation(implementation);
                if (IsVisibleDeclaringType(pair.MethodDeclaration))
                {
                    _explicitImplementationsOfVisibleInterfaces.Add(pair.MethodBody);
                }
            }
        }

        foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
        {
            FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
            Add($"F:{typeId}.{MemberName(_reader.GetString(field.Name))}", typeVisible && IsVisible(field.Attributes & FieldAttributes.FieldAccessMask));
        }

        foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
        {
            MethodDefinition method = _reader.GetMethodDefinition(methodHandle);
            string name = _reader.GetString(method.Name);
            MethodSignature<string> signature = method.DecodeSignature(_types, null);
            string id = $"M:{typeId}.{MemberName(name)}";
            if (signature.GenericParameterCount > 0)
            {
                id += "``" + signature.GenericParameterCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            id += Parameters(signature);
            if (name is "op_Implicit" or "op_Explicit")
            {
                id += "~" + signature.ReturnType;
            }

            Add(id, typeVisible && IsVisible(methodHandle));
        }

        foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
        {
            PropertyDefinition property = _reader.GetPropertyDefinition(propertyHandle);
            PropertyAccessors accessors = property.GetAccessors();
            bool visible = (!accessors.Getter.IsNil && IsVisible(accessors.Getter)) || (!accessors.Setter.IsNil && IsVisible(accessors.Setter));
            string id = $"P:{typeId}.{MemberName(_reader.GetString(property.Name))}{Parameters(property.DecodeSignature(_types, null))}";
            Add(id, typeVisible && visible);
        }

        foreach (EventDefinitionHandle eventHandle in type.GetEvents())
        {
            EventDefinition @event = _reader.GetEventDefinition(eventHandle);
            EventAccessors accessors = @event.GetAccessors();
            bool visible = (!accessors.Adder.IsNil && IsVisible(accessors.Adder)) || (!accessors.Remover.IsNil && IsVisible(accessors.Remover));
            Add($"E:{typeId}.{MemberName(_reader.GetString(@event.Name))}", typeVisible && visible);
        }
    }

    // Overloads that differ only in custom modifiers share an id: it is public if any of them is.
    private void Add(string id, bool visible) => _visible[id] = visible || (_visible.TryGetValue(id, out bool before) && before);

    private static string Parameters(MethodSignature<string> signature) =>
        signature.ParameterTypes.Length == 0 ? string.Empty : "(" + string.Join(",", signature.ParameterTypes) + ")";

    // .ctor is #ctor; an explicit implementation's name (System.IDisposable.Dispose, IEnumerable<System.Int32>.GetEnumerator)
    // has its dots as '#', angle brackets as braces and commas as '@'.
    private static string MemberName(string name) =>
        name.Replace('.', '#').Replace('<', '{').Replace('>', '}').Replace(',', '@');

    private bool IsVisible(MethodDefinitionHandle handle) =>
        IsVisible(_reader.GetMethodDefinition(handle).Attributes & MethodAttributes.MemberAccessMask) ||
        _explicitImplementationsOfVisibleInterfaces.Contains(handle);

    private static bool IsVisible(MethodAttributes access) =>
        access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    private static bool IsVisible(FieldAttributes access) =>
        access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem;

    private bool IsVisible(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _reader.GetTypeDefinition(handle);
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => IsVisible(type.GetDeclaringType()),
            _ => false,
        };
    }

    // The interface an explicitly implemented method belongs to: one defined here must itself be public; one defined
    // elsewhere is taken as public (only an InternalsVisibleTo of that assembly could make it otherwise).
    private bool IsVisibleDeclaringType(EntityHandle interfaceMethod)
    {
        EntityHandle parent = interfaceMethod.Kind switch
        {
            HandleKind.MethodDefinition => _reader.GetMethodDefinition((MethodDefinitionHandle)interfaceMethod).GetDeclaringType(),
            HandleKind.MemberReference => _reader.GetMemberReference((MemberReferenceHandle)interfaceMethod).Parent,
            _ => default,
        };
        if (parent.Kind == HandleKind.TypeSpecification)
        {
            BlobReader blob = _reader.GetBlobReader(_reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
            if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
            {
                blob.ReadCompressedInteger();
                parent = blob.ReadTypeHandle();
            }
        }

        return parent.Kind switch
        {
            HandleKind.TypeDefinition => IsVisible((TypeDefinitionHandle)parent),
            HandleKind.TypeReference => true,
            _ => false,
        };
    }
}
