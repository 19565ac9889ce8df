/// Turns stored tensors (f32, f16, or int8 rows with an f32 scale each) into f32.
enum Dequantization {
    /// The whole tensor, row-major.
    static func floats(_ tensor: TensorLayout, in raw: UnsafeRawBufferPointer) -> [Float] {
        [Float](unsafeUninitializedCapacity: tensor.count) { buffer, initialized in
            for row in 0..<tensor.rows {
                self.row(row, of: tensor, in: raw, into: buffer.baseAddress! + row * tensor.columns)
            }
            initialized = tensor.count
        }
    }

    static func row(
        _ row: Int, of tensor: TensorLayout, in raw: UnsafeRawBufferPointer,
        into output: UnsafeMutablePointer<Float>
    ) {
        let columns = tensor.columns
        let base = raw.baseAddress! + tensor.offset
        switch tensor.encoding {
        case .float32:
            // Unaligned-safe copy: a Data that is not mapped may sit at any address.
            UnsafeMutableRawPointer(output).copyMemory(from: base + row * columns * 4, byteCount: columns * 4)
        case .float16:
            let halves = base + row * columns * 2
            for column in 0..<columns {
                output[column] = float(fromHalf: halves.loadUnaligned(fromByteOffset: column * 2, as: UInt16.self))
            }
        case .int8Rows:
            let values = (base + row * columns).assumingMemoryBound(to: Int8.self)
            let scale = Float(
                bitPattern: UInt32(
                    littleEndian: base.loadUnaligned(
                        fromByteOffset: tensor.count + row * 4, as: UInt32.self)))
            for column in 0..<columns {
                output[column] = Float(values[column]) * scale
            }
        case .uint32, .bytes:
            preconditionFailure("\(tensor.encoding.name) tensors hold no floats")
        }
    }

    /// IEEE half to single for finite values (the converter checks there are no others): the half's
    /// exponent and mantissa shifted into place are a float 2^112 too small, subnormals included.
    /// Plain bit operations, so the loop vectorises without F16C.
    @inline(__always)
    static func float(fromHalf half: UInt16) -> Float {
        let magnitude = Float(bitPattern: UInt32(half & 0x7fff) << 13) * 0x1p112
        return Float(bitPattern: magnitude.bitPattern | UInt32(half & 0x8000) << 16)
    }
}
