import { beforeEach, describe, expect, it } from 'vitest'
import type { Me } from '@/api/types'
import { can, canEnter, inHostScope, kAreaRoles, session } from '@/session'
import { permissionsOf } from './helpers'

function me(role: Me['role'], organisations: number[] = []): Me {
  return { id: 1, username: role, display_name: role, role, countries: [], organisations, language: 'fr', version: 1, permissions: permissionsOf(role) }
}

describe('what the signed-in user may do comes from /me', () => {
  beforeEach(() => {
    session.me = null
  })

  it('nothing when nobody is signed in', () => {
    expect(can('organisations', 'read')).toBe(false)
    expect(canEnter(kAreaRoles.people)).toBe(false)
    expect(canEnter(undefined)).toBe(true)
  })

  it('reads the permissions per kind, not the role', () => {
    session.me = me('viewer')
    expect(canEnter(kAreaRoles.people)).toBe(false)
    expect(can('organisations', 'read')).toBe(true)
    // A role the server grants more is shown more, with no change here.
    session.me = { ...me('viewer'), permissions: { ...permissionsOf('viewer'), people: ['read'] } }
    expect(canEnter(kAreaRoles.people)).toBe(true)
    expect(canEnter(kAreaRoles.peopleWrite)).toBe(false)
  })

  it('keeps the record-level nuances beside the screens', () => {
    // Host focal points publish offers, of their own institutions only.
    session.me = me('host', [7])
    expect(canEnter(kAreaRoles.offersWrite)).toBe(true)
    expect(inHostScope(7)).toBe(true)
    expect(inHostScope(8)).toBe(false)
    // The passport fields of a creation form: roles that see some passports.
    expect(canEnter(kAreaRoles.passport)).toBe(false)
    session.me = me('partner')
    expect(canEnter(kAreaRoles.passport)).toBe(true)
    expect(canEnter(kAreaRoles.peopleMerge)).toBe(false)
  })

  it('a screen made for a role still asks for the role', () => {
    session.me = me('partner')
    expect(canEnter(kAreaRoles.myNominations)).toBe(true)
    session.me = me('admin')
    expect(canEnter(kAreaRoles.myNominations)).toBe(false)
    expect(canEnter(kAreaRoles.tokens)).toBe(true)
    session.me = me('officer')
    expect(canEnter(kAreaRoles.tokens)).toBe(false)
  })
})
