#if arch(x86_64)
import _Builtin_intrinsics.intel

extension SHA256 {
    /// Hashes many messages at once, one per SSE2 lane (multi-buffer SHA-256): a lane whose
    /// message ends takes the next one, and the last long message finishes on the scalar path.
    /// SSE2 is part of x86-64, so its intrinsics need no compiler flags (Swift's generic SIMD
    /// shifts are not vectorized).
    enum LaneHasher {
        typealias Lanes = __m128i
        static let width = 4

        /// Where one lane is in its message.
        struct Lane {
            var message = -1
            var base: UnsafeRawPointer?
            var offset = 0
            var wholeEnd = 0
            var tailBlocks = 0
            var tailIndex = 0
        }

        static func hash(_ messages: [UnsafeRawBufferPointer], into digests: UnsafeMutableBufferPointer<Digest>) {
            k.withUnsafeBufferPointer { k in
                let raw = UnsafeMutableRawPointer.allocate(byteCount: width * 128 + 64 + 64 * MemoryLayout<Lanes>.stride
                                                           + 8 * MemoryLayout<Lanes>.stride, alignment: 64)
                defer { raw.deallocate() }
                let w = raw.bindMemory(to: Lanes.self, capacity: 64 + 8)
                let state = w + 64
                let tails = raw + 72 * MemoryLayout<Lanes>.stride
                let zero = tails + width * 128
                zero.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
                var lanes = Array(repeating: Lane(), count: width)
                var pointers = Array(repeating: UnsafeRawPointer(zero), count: width)
                var next = 0
                while true {
                    var active = 0
                    for lane in 0..<width {
                        if lanes[lane].message < 0, next < messages.count {
                            start(&lanes[lane], lane: lane, message: next, messages[next],
                                  tail: tails + lane * 128, state: state)
                            next += 1
                        }
                        if lanes[lane].message >= 0 { active += 1 }
                    }
                    if active == 0 { break }
                    if active == 1, next == messages.count {
                        let lane = lanes.firstIndex { $0.message >= 0 }!
                        finishScalar(lanes[lane], lane: lane, tail: tails + lane * 128, state: state, digests: digests,
                                     k: k.baseAddress!)
                        break
                    }
                    for lane in 0..<width {
                        let current = lanes[lane]
                        pointers[lane] = current.message < 0 ? UnsafeRawPointer(zero)
                            : current.offset < current.wholeEnd ? current.base! + current.offset
                            : UnsafeRawPointer(tails + lane * 128 + current.tailIndex * 64)
                    }
                    pointers.withUnsafeBufferPointer { compress(state, $0.baseAddress!, k: k.baseAddress!, w: w) }
                    for lane in 0..<width where lanes[lane].message >= 0 {
                        if lanes[lane].offset < lanes[lane].wholeEnd {
                            lanes[lane].offset += 64
                        } else {
                            lanes[lane].tailIndex += 1
                            if lanes[lane].tailIndex == lanes[lane].tailBlocks {
                                digests[lanes[lane].message] = digest(state, lane: lane)
                                lanes[lane].message = -1
                            }
                        }
                    }
                }
            }
        }

        private static func start(_ lane: inout Lane, lane index: Int, message: Int, _ bytes: UnsafeRawBufferPointer,
                                  tail: UnsafeMutableRawPointer, state: UnsafeMutablePointer<Lanes>) {
            lane = Lane(message: message, base: bytes.baseAddress.map(UnsafeRawPointer.init), offset: 0,
                        wholeEnd: bytes.count - bytes.count % 64,
                        tailBlocks: padTail(of: bytes, into: UnsafeMutableRawBufferPointer(start: tail, count: 128)),
                        tailIndex: 0)
            let words = [initial.0, initial.1, initial.2, initial.3, initial.4, initial.5, initial.6, initial.7]
            for word in 0..<8 {
                var lanes = unsafeBitCast(state[word], to: SIMD4<UInt32>.self)
                lanes[index] = words[word]
                state[word] = unsafeBitCast(lanes, to: Lanes.self)
            }
        }

        private static func finishScalar(_ lane: Lane, lane index: Int, tail: UnsafeMutableRawPointer,
                                         state: UnsafeMutablePointer<Lanes>, digests: UnsafeMutableBufferPointer<Digest>,
                                         k: UnsafePointer<UInt32>) {
            var digest = digest(state, lane: index)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                if lane.offset < lane.wholeEnd {
                    SHA256.compress(&digest, lane.base! + lane.offset, blocks: (lane.wholeEnd - lane.offset) / 64,
                                    k: k, w: w.baseAddress!)
                }
                SHA256.compress(&digest, UnsafeRawPointer(tail + lane.tailIndex * 64), blocks: lane.tailBlocks - lane.tailIndex,
                                k: k, w: w.baseAddress!)
            }
            digests[lane.message] = digest
        }

        private static func digest(_ state: UnsafeMutablePointer<Lanes>, lane: Int) -> Digest {
            func word(_ index: Int) -> UInt32 { unsafeBitCast(state[index], to: SIMD4<UInt32>.self)[lane] }
            return (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
        }

        /// One block of every lane.
        @inline(__always)
        private static func compress(_ state: UnsafeMutablePointer<Lanes>, _ pointers: UnsafePointer<UnsafeRawPointer>,
                                     k: UnsafePointer<UInt32>, w: UnsafeMutablePointer<Lanes>) {
            let p0 = pointers[0], p1 = pointers[1], p2 = pointers[2], p3 = pointers[3]
            for i in 0..<16 {
                func load(_ pointer: UnsafeRawPointer) -> UInt32 { pointer.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).bigEndian }
                w[i] = unsafeBitCast(SIMD4<UInt32>(load(p0), load(p1), load(p2), load(p3)), to: Lanes.self)
            }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = xor(xor(rotr(x, 7), rotr(x, 18)), _mm_srli_epi32(x, 3))
                let s1 = xor(xor(rotr(y, 17), rotr(y, 19)), _mm_srli_epi32(y, 10))
                w[i] = add(add(w[i - 16], s0), add(w[i - 7], s1))
            }
            // w + k, so a round adds one term less.
            for i in 0..<64 { w[i] = add(w[i], _mm_set1_epi32(Int32(bitPattern: k[i]))) }
            var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            // Eight rounds per step with the roles rotated, so no values move between rounds.
            for i in stride(from: 0, to: 64, by: 8) {
                round(a, b, c, &d, e, f, g, &h, w[i])
                round(h, a, b, &c, d, e, f, &g, w[i + 1])
                round(g, h, a, &b, c, d, e, &f, w[i + 2])
                round(f, g, h, &a, b, c, d, &e, w[i + 3])
                round(e, f, g, &h, a, b, c, &d, w[i + 4])
                round(d, e, f, &g, h, a, b, &c, w[i + 5])
                round(c, d, e, &f, g, h, a, &b, w[i + 6])
                round(b, c, d, &e, f, g, h, &a, w[i + 7])
            }
            state[0] = add(state[0], a); state[1] = add(state[1], b); state[2] = add(state[2], c); state[3] = add(state[3], d)
            state[4] = add(state[4], e); state[5] = add(state[5], f); state[6] = add(state[6], g); state[7] = add(state[7], h)
        }

        @inline(__always)
        private static func round(_ a: Lanes, _ b: Lanes, _ c: Lanes, _ d: inout Lanes, _ e: Lanes, _ f: Lanes, _ g: Lanes,
                                  _ h: inout Lanes, _ kw: Lanes) {
            let s1 = xor(xor(rotr(e, 6), rotr(e, 11)), rotr(e, 25))
            let choice = xor(g, _mm_and_si128(e, xor(f, g)))
            let t1 = add(add(h, s1), add(choice, kw))
            let s0 = xor(xor(rotr(a, 2), rotr(a, 13)), rotr(a, 22))
            let majority = _mm_or_si128(_mm_and_si128(a, b), _mm_and_si128(c, _mm_or_si128(a, b)))
            d = add(d, t1)
            h = add(t1, add(s0, majority))
        }

        @inline(__always) private static func add(_ x: Lanes, _ y: Lanes) -> Lanes { _mm_add_epi32(x, y) }
        @inline(__always) private static func xor(_ x: Lanes, _ y: Lanes) -> Lanes { _mm_xor_si128(x, y) }
        @inline(__always)
        private static func rotr(_ x: Lanes, _ count: Int32) -> Lanes {
            _mm_or_si128(_mm_srli_epi32(x, count), _mm_slli_epi32(x, 32 - count))
        }
    }
}
#else
extension SHA256 {
    /// Without SSE2, messages are hashed one after the other.
    enum LaneHasher {
        static func hash(_ messages: [UnsafeRawBufferPointer], into digests: UnsafeMutableBufferPointer<Digest>) {
            for (index, message) in messages.enumerated() { digests[index] = digest(message) }
        }
    }
}
#endif
