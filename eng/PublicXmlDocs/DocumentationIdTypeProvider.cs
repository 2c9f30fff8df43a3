using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ParallelSum.Build.PublicXmlDocs;

/// <summary>Writes a type that appears in a metadata signature the way documentation comment ids write it (ECMA-334, annex D):
/// <c>System.Int32</c>, <c>System.Collections.Generic.List{System.String}</c>, <c>`0</c> and <c>``0</c> for type and method
/// type parameters, <c>[]</c> for arrays, <c>@</c> for by-reference and <c>*</c> for pointers.</summary>
internal sealed class DocumentationIdTypeProvider : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;

    public DocumentationIdTypeProvider(MetadataReader reader) => _reader = reader;

    /// <summary>The name of a type defined in the assembly as its id has it: namespace, enclosing types and the arity of
    /// each generic type (<c>Outer`1.Inner`2</c>).</summary>
    public string DefinitionName(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _reader.GetTypeDefinition(handle);
        string name = _reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return DefinitionName(declaring) + "." + name;
        }

        string ns = _reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
    {
        PrimitiveTypeCode.Boolean => "Boolean",
        PrimitiveTypeCode.Char => "Char",
        PrimitiveTypeCode.SByte => "SByte",
        PrimitiveTypeCode.Byte => "Byte",
        PrimitiveTypeCode.Int16 => "Int16",
        PrimitiveTypeCode.UInt16 => "UInt16",
        PrimitiveTypeCode.Int32 => "Int32",
        PrimitiveTypeCode.UInt32 => "UInt32",
        PrimitiveTypeCode.Int64 => "Int64",
        PrimitiveTypeCode.UInt64 => "UInt64",
        PrimitiveTypeCode.Single => "Single",
        PrimitiveTypeCode.Double => "Double",
        PrimitiveTypeCode.String => "String",
        PrimitiveTypeCode.Object => "Object",
        PrimitiveTypeCode.IntPtr => "IntPtr",
        PrimitiveTypeCode.UIntPtr => "UIntPtr",
        PrimitiveTypeCode.TypedReference => "TypedReference",
        PrimitiveTypeCode.Void => "Void",
        _ => throw new NotSupportedException($"primitive type {typeCode}"),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => DefinitionName(handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "." + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) =>
        elementType + "[" + string.Join(",", Enumerable.Range(0, shape.Rank).Select(d =>
            (d < shape.LowerBounds.Length ? shape.LowerBounds[d] : 0) + ":" + (d < shape.Sizes.Length ? shape.Sizes[d].ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))) + "]";

    public string GetByReferenceType(string elementType) => elementType + "@";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    // Custom modifiers (modreq(InAttribute) on an 'in' parameter, IsVolatile, …) are not part of an id.
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetGenericTypeParameter(object? genericContext, int index) => "`" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string GetGenericMethodParameter(object? genericContext, int index) => "``" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Outer`1.Inner`1 with arguments A, B is Outer{A}.Inner{B}: each generic type in the chain takes as many arguments as its arity.
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var parts = new List<string>();
        int next = 0;
        foreach (string part in genericType.Split('.'))
        {
            int tick = part.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0)
            {
                parts.Add(part);
                continue;
            }

            int arity = int.Parse(part.AsSpan(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
            parts.Add(part[..tick] + "{" + string.Join(",", typeArguments.Skip(next).Take(arity)) + "}");
            next += arity;
        }

        if (next != typeArguments.Length)
        {
            throw new NotSupportedException($"{genericType} takes {next} type arguments, the signature gives {typeArguments.Length}");
        }

        return string.Join(".", parts);
    }

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        throw new NotSupportedException("function pointer types in a signature");
}
