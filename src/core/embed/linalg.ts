/**
 * The little dense linear algebra the offline embedding and k-means need: row-major
 * Float64Array matrices, Gram-Schmidt orthonormalisation and a Jacobi eigensolver for
 * small symmetric matrices. Deterministic (no randomness here; callers pass seeded data).
 */

/**
 * Orthonormalise the columns of an `rows x cols` row-major matrix in place (modified
 * Gram-Schmidt, twice for stability). Columns that collapse to (near) zero are zeroed;
 * returns how many columns stayed independent.
 */
export function orthonormalizeColumns(m: Float64Array, rows: number, cols: number): number {
  let rank = 0;
  for (let c = 0; c < cols; c++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < c; p++) {
        let d = 0;
        for (let r = 0; r < rows; r++) d += m[r * cols + c] * m[r * cols + p];
        if (d !== 0) for (let r = 0; r < rows; r++) m[r * cols + c] -= d * m[r * cols + p];
      }
    }
    let n = 0;
    for (let r = 0; r < rows; r++) n += m[r * cols + c] ** 2;
    n = Math.sqrt(n);
    if (n < 1e-10) {
      for (let r = 0; r < rows; r++) m[r * cols + c] = 0;
      continue;
    }
    rank++;
    for (let r = 0; r < rows; r++) m[r * cols + c] /= n;
  }
  return rank;
}

/**
 * Eigen-decomposition of a symmetric `n x n` matrix by cyclic Jacobi rotations.
 * Returns eigenvalues in descending order and the matching eigenvectors as columns of a
 * row-major `n x n` matrix. The input is not modified.
 */
export function symmetricEigen(input: Float64Array, n: number, maxSweeps = 100): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i] || i - j);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
