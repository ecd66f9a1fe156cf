import { homePathFor, loginPathFor, roleLabel, safeNextPath } from './roles'

describe('homePathFor / roleLabel', () => {
  it.each([
    ['user', '/user/sessions', 'Colaborador'],
    ['prestador', '/prestador/sessions', 'Prestador'],
    ['especialista', '/especialista/dashboard', 'Especialista'],
    ['admin', '/admin/operations', 'Administrador'],
  ] as const)('%s -> %s, %s', (role, path, label) => {
    expect(homePathFor(role)).toBe(path)
    expect(roleLabel(role)).toBe(label)
  })
})

describe('safeNextPath', () => {
  it.each([
    ['/user/sessions', '/user/sessions'],
    ['/admin/operations?page=2#top', '/admin/operations?page=2#top'],
    [null, null],
    ['', null],
    ['https://evil.example/', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['user/sessions', null],
    ['/login', null],
    ['/login?next=/x', null],
    ['/\u0000x', null],
  ])('%j -> %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected)
  })
})

describe('loginPathFor', () => {
  it.each([
    ['/user/sessions', '/login?next=%2Fuser%2Fsessions'],
    ['/admin/operations?page=3', '/login?next=%2Fadmin%2Foperations%3Fpage%3D3'],
    ['/', '/login'],
    ['//evil.example', '/login'],
  ])('%s -> %s', (path, expected) => {
    expect(loginPathFor(path)).toBe(expected)
  })
})
